package dev.qcl.connector;

import static dev.qcl.connector.SpecFixtures.DB;
import static dev.qcl.connector.SpecFixtures.S3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.qcl.connector.SpecFixtures.CountingSource;
import dev.qcl.connector.SpecFixtures.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class SpecCacheTests {
    private static final Instant T0 = Instant.parse("2025-01-10T08:00:00Z");
    private static final Duration TTL = Duration.ofHours(24);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);

    /** A cache as {@code qcl.specs.check-version=false} makes it: a spec within the TTL is used without asking. */
    private SpecCache cache(CountingSource source) {
        return new SpecCache(source, dir, TTL, false, clock, SpecFixtures.secrets());
    }

    /** A cache as qcl makes it by default: a cached spec is read again once, to compare its connector version. */
    private SpecCache checking(CountingSource source) {
        return new SpecCache(source, dir, TTL, true, clock, SpecFixtures.secrets());
    }

    private ListAppender<ILoggingEvent> capture() {
        Logger logger = (Logger) LoggerFactory.getLogger(SpecCache.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        return appender;
    }

    /** Issue 22 item 6: a connector upgraded without the data sources' lastUpdated moving. */
    @Nested
    class VersionCheck {
        private static final String S3_WITH_A_REQUIRED_ROLE = SpecFixtures.S3_SPEC
                .replace("4.46.0", "4.47.1")
                .replace(
                        "\"properties\": {\n",
                        "\"required\": [\"roleArn\"],\n    \"properties\": {\n"
                                + "      \"roleArn\": {\"type\": \"string\", \"description\": \"IAM role\"},\n");

        @Test
        void should_use_the_tenants_spec_and_say_so_once_when_the_connector_version_moved_within_the_ttl() {
            // given: a spec cached an hour ago; the data sources' lastUpdated has not moved since
            checking(new CountingSource(null)).spec(S3);
            clock.advance(Duration.ofHours(1));
            CountingSource source = new CountingSource(T0.minusSeconds(60));
            source.specs.put(S3, S3_WITH_A_REQUIRED_ROLE);
            ListAppender<ILoggingEvent> logs = capture();

            // when
            SpecCache cache = checking(source);
            ApiSpec spec = cache.spec(S3).orElseThrow();
            cache.spec(S3);

            // then: the new version's required property is known, the cache holds it, and it was said once
            assertThat(spec.connectorVersion()).isEqualTo("4.47.1");
            assertThat(spec.property("roleArn"))
                    .get()
                    .extracting(PropertySpec::required)
                    .isEqualTo(true);
            assertThat(source.specCalls).hasValue(1);
            assertThat(cache(new CountingSource(null)).cached())
                    .singleElement()
                    .extracting(ApiSpec::connectorVersion)
                    .isEqualTo("4.47.1");
            assertThat(logs.list)
                    .filteredOn(e -> e.getFormattedMessage().contains("refreshed"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage())
                            .isEqualTo("api-specs of " + S3 + " refreshed: connector 4.46.0 -> 4.47.1"));
        }

        @Test
        void should_read_a_cached_spec_again_once_and_say_nothing_when_its_version_is_the_same() {
            // given
            checking(new CountingSource(null)).spec(S3);
            CountingSource source = new CountingSource(null);
            ListAppender<ILoggingEvent> logs = capture();

            // when
            SpecCache cache = checking(source);
            cache.spec(S3);
            cache.spec(S3);

            // then
            assertThat(source.specCalls).hasValue(1);
            assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains("refreshed"));
        }

        @Test
        void should_validate_with_the_cached_spec_and_warn_when_the_tenant_refuses_the_check() {
            // given: the tenant refuses the api-specs now
            ApiSpec cached = checking(new CountingSource(null)).spec(S3).orElseThrow();
            CountingSource refusing = new CountingSource(null) {
                @Override
                public Optional<String> apiSpecJson(String dataSourceId) {
                    specCalls.incrementAndGet();
                    throw new TenantReadException("api-specs of data source " + dataSourceId + " was refused", 503, 6);
                }
            };
            ListAppender<ILoggingEvent> logs = capture();

            // when
            Optional<ApiSpec> spec = checking(refusing).spec(S3);

            // then
            assertThat(spec).contains(cached);
            assertThat(refusing.specCalls).hasValue(1);
            assertThat(logs.list)
                    .filteredOn(e -> e.getLevel() == Level.WARN)
                    .singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage())
                            .contains("api-specs of " + S3 + " could not be checked against the tenant")
                            .contains("validating with the cached ones of connector 4.46.0"));
        }

        @Test
        void should_fetch_a_spec_older_than_the_ttl_and_fail_when_the_tenant_refuses_it() {
            // given
            checking(new CountingSource(null)).spec(S3);
            clock.advance(TTL.plusSeconds(1));
            CountingSource refusing = new CountingSource(null) {
                @Override
                public Optional<String> apiSpecJson(String dataSourceId) {
                    throw new TenantReadException("api-specs of data source " + dataSourceId + " was refused", 503, 6);
                }
            };

            // when / then: a stale spec is not a fallback
            assertThatThrownBy(() -> checking(refusing).spec(S3)).isInstanceOf(TenantReadException.class);
        }
    }

    @Nested
    class FetchingOnce {
        @Test
        void should_fetch_spec_once_when_eight_threads_ask_at_once() throws InterruptedException {
            // given a source that holds the first fetch until every other thread is waiting
            CountingSource source = new CountingSource(null);
            CountDownLatch gate = new CountDownLatch(1);
            source.specGate = gate;
            SpecCache cache = cache(source);
            ConcurrentLinkedQueue<Optional<ApiSpec>> results = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                threads.add(new Thread(() -> results.add(cache.spec(S3))));
            }

            // when
            threads.forEach(Thread::start);
            awaitAllWaitingButOne(threads);
            gate.countDown();
            for (Thread thread : threads) {
                thread.join(5_000);
            }

            // then
            assertThat(source.specCalls).hasValue(1);
            assertThat(source.dataSourceCalls).hasValue(1);
            assertThat(results).hasSize(8).allSatisfy(spec -> assertThat(spec).isPresent());
        }

        @Test
        void should_fetch_data_source_list_once_when_asked_many_times() {
            // given
            CountingSource source = new CountingSource(null);
            SpecCache cache = cache(source);

            // when
            cache.dataSourceExists(S3);
            cache.dataSourceIds();
            cache.spec(DB);
            cache.dataSourceExists("nope");

            // then
            assertThat(source.dataSourceCalls).hasValue(1);
        }

        @Test
        void should_give_empty_without_fetching_when_data_source_is_unknown() {
            // given
            CountingSource source = new CountingSource(null);

            // when
            Optional<ApiSpec> spec = cache(source).spec("snowflak");

            // then
            assertThat(spec).isEmpty();
            assertThat(source.specCalls).hasValue(0);
        }

        @Test
        void should_give_empty_when_tenant_answers_404_for_a_listed_data_source() {
            // given "snowflake" is listed but has no spec
            CountingSource source = new CountingSource(null);

            // when / then
            assertThat(cache(source).spec("snowflake")).isEmpty();
        }

        @Test
        void should_throw_typed_exception_when_tenant_sends_broken_json() {
            // given
            CountingSource source = new CountingSource(null);
            source.specs.put(S3, "{\"connectionProperties\": ");

            // when / then
            assertThatThrownBy(() -> cache(source).spec(S3))
                    .isInstanceOf(InvalidApiSpecException.class)
                    .hasMessageContaining(S3);
        }

        /** Waits (without sleeping) until one thread is in the source and the other seven are parked behind it. */
        private void awaitAllWaitingButOne(List<Thread> threads) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                long parked = threads.stream()
                        .map(Thread::getState)
                        .filter(s -> s == Thread.State.BLOCKED
                                || s == Thread.State.WAITING
                                || s == Thread.State.TIMED_WAITING)
                        .count();
                if (parked == threads.size()) {
                    return;
                }
                Thread.onSpinWait();
            }
        }
    }

    @Nested
    class DiskCache {
        @Test
        void should_serve_spec_from_disk_when_new_instance_starts_within_ttl_without_the_version_check()
                throws IOException {
            // given a spec fetched by an earlier run
            ApiSpec first = cache(new CountingSource(null)).spec(S3).orElseThrow();
            clock.advance(TTL.minusMinutes(1));
            CountingSource source = new CountingSource(null);

            // when
            ApiSpec second = cache(source).spec(S3).orElseThrow();

            // then
            assertThat(source.specCalls).hasValue(0);
            assertThat(second).isEqualTo(first);
            assertThat(second.fetchedAt()).isEqualTo(T0);
            Path file = dir.resolve(S3 + ".json");
            assertThat(Files.readString(file))
                    .contains("\"connectorVersion\"", "\"fetchedAt\"", "4.46.0", "bucketName");
        }

        @Test
        void should_refetch_when_cached_spec_is_older_than_ttl() {
            // given
            cache(new CountingSource(null)).spec(S3);
            clock.advance(TTL.plusSeconds(1));
            CountingSource source = new CountingSource(null);

            // when
            ApiSpec spec = cache(source).spec(S3).orElseThrow();

            // then
            assertThat(source.specCalls).hasValue(1);
            assertThat(spec.fetchedAt()).isEqualTo(T0.plus(TTL).plusSeconds(1));
        }

        @Test
        void should_refetch_when_data_sources_were_updated_after_the_spec_was_fetched() {
            // given a spec within its TTL, but the tenant's data sources changed since
            cache(new CountingSource(null)).spec(S3);
            clock.advance(Duration.ofHours(2));
            CountingSource source = new CountingSource(T0.plus(Duration.ofHours(1)));

            // when
            cache(source).spec(S3);

            // then
            assertThat(source.specCalls).hasValue(1);
        }

        @Test
        void should_keep_cached_spec_when_data_sources_were_updated_before_it_was_fetched() {
            // given
            cache(new CountingSource(null)).spec(S3);
            CountingSource source = new CountingSource(T0.minusSeconds(60));

            // when
            cache(source).spec(S3);

            // then
            assertThat(source.specCalls).hasValue(0);
        }

        @Test
        void should_refetch_and_repair_when_cache_file_is_corrupt() throws IOException {
            // given
            cache(new CountingSource(null)).spec(S3);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.writeString(file, "{\"dataSourceId\": \"" + S3 + "\", \"spec\": [tr");
                }
            }
            CountingSource source = new CountingSource(null);

            // when
            Optional<ApiSpec> spec = cache(source).spec(S3);

            // then
            assertThat(spec).isPresent();
            assertThat(source.specCalls).hasValue(1);
            assertThat(cache(new CountingSource(null)).cached())
                    .extracting(ApiSpec::dataSourceId)
                    .containsExactly(S3);
        }

        @Test
        void should_log_once_when_refetched_spec_has_another_connector_version() {
            // given
            cache(new CountingSource(null)).spec(S3);
            clock.advance(TTL.plusSeconds(1));
            CountingSource source = new CountingSource(null);
            source.specs.put(S3, SpecFixtures.S3_SPEC.replace("4.46.0", "4.47.1"));
            ListAppender<ILoggingEvent> logs = capture();

            // when
            SpecCache cache = cache(source);
            cache.spec(S3);
            cache.spec(S3);

            // then
            assertThat(logs.list)
                    .filteredOn(e -> e.getLevel() == Level.INFO
                            && e.getFormattedMessage().contains("4.47.1"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).contains(S3, "4.46.0"));
        }
    }

    @Nested
    class ListingAndRefreshing {
        @Test
        void should_list_cached_specs_without_asking_the_tenant() {
            // given
            SpecCache first = cache(new CountingSource(null));
            first.spec(S3);
            first.spec(DB);
            CountingSource source = new CountingSource(null);

            // when
            List<ApiSpec> cached = cache(source).cached();

            // then
            assertThat(cached)
                    .extracting(ApiSpec::dataSourceId, ApiSpec::connectorVersion)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(S3, "4.46.0"),
                            org.assertj.core.groups.Tuple.tuple(DB, "1.0.0"));
            assertThat(source.dataSourceCalls).hasValue(0);
            assertThat(source.specCalls).hasValue(0);
        }

        @Test
        void should_refetch_every_cached_spec_when_refresh_names_none() {
            // given
            SpecCache first = cache(new CountingSource(null));
            first.spec(S3);
            first.spec(DB);
            clock.advance(Duration.ofMinutes(5));
            CountingSource source = new CountingSource(null);
            SpecCache cache = cache(source);

            // when
            List<ApiSpec> refreshed = cache.refresh(List.of());

            // then
            assertThat(source.specCalls).hasValue(2);
            assertThat(refreshed).extracting(ApiSpec::fetchedAt).containsOnly(T0.plus(Duration.ofMinutes(5)));
            assertThat(cache.cached()).extracting(ApiSpec::fetchedAt).containsOnly(T0.plus(Duration.ofMinutes(5)));
        }

        @Test
        void should_refetch_only_named_specs_and_leave_out_unknown_ones() {
            // given
            CountingSource source = new CountingSource(null);
            SpecCache cache = cache(source);

            // when
            List<ApiSpec> refreshed = cache.refresh(List.of(DB, "nope"));

            // then
            assertThat(refreshed).extracting(ApiSpec::dataSourceId).containsExactly(DB);
            assertThat(cache.spec(DB)).contains(refreshed.get(0));
            assertThat(source.specCalls).hasValue(2);
        }
    }
}
