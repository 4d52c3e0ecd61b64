package dev.qcl.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.report.TimelineBuckets.Bucket;
import dev.qcl.results.TimelineSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReportPartsTests {
    static final Instant T0 = Instant.parse("2025-03-14T09:30:00Z");

    static List<TimelineSample> everyFiveSeconds(int samples, long rowsPerSample) {
        List<TimelineSample> timeline = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            timeline.add(new TimelineSample(T0.plusSeconds(5L * i), i * rowsPerSample, i / 10));
        }
        return timeline;
    }

    @Nested
    class Escaping {
        @Test
        void should_escape_the_five_markup_characters() {
            assertThat(Html.escape("<a href=\"x\" title='y'>&</a>"))
                    .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
        }

        @Test
        void should_replace_control_characters_and_unpaired_surrogates_but_keep_real_characters() {
            assertThat(Html.escape("a\u0000b\u0007c\uD800d\tä😀")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\tä😀");
        }

        @Test
        void should_write_nothing_for_null_and_a_dash_for_blank() {
            assertThat(Html.escape(null)).isEmpty();
            assertThat(Html.orDash(" ")).isEqualTo("&mdash;");
        }

        @Test
        void should_write_svg_numbers_with_a_dot_whatever_the_default_locale() {
            // given a locale with a decimal comma
            Locale before = Locale.getDefault();
            Locale.setDefault(Locale.GERMANY);
            try {
                // when / then
                assertThat(Html.num(2.5)).isEqualTo("2.50");
                assertThat(Html.num(3)).isEqualTo("3");
                assertThat(Formats.decimal(1234.5)).isEqualTo("1,235");
            } finally {
                Locale.setDefault(before);
            }
        }
    }

    @Nested
    class Timeline {
        @Test
        void should_merge_a_long_run_into_at_most_the_given_number_of_buckets_keeping_every_row() {
            // given two hours of samples
            List<TimelineSample> samples = everyFiveSeconds(1441, 3);

            // when
            List<Bucket> buckets = TimelineBuckets.of(samples, 90);

            // then
            assertThat(buckets).hasSizeLessThanOrEqualTo(90).hasSizeGreaterThan(45);
            assertThat(buckets.stream().mapToLong(Bucket::rows).sum()).isEqualTo(1440 * 3);
            assertThat(buckets.get(buckets.size() - 1).toMs()).isEqualTo(7_200_000);
            assertThat(buckets.get(0).rowsPerSecond()).isEqualTo(0.6);
        }

        @Test
        void should_never_count_negative_rows_when_a_counter_dips() {
            // given
            List<TimelineSample> samples =
                    List.of(new TimelineSample(T0, 10, 2), new TimelineSample(T0.plusSeconds(5), 8, 1));

            // when / then
            assertThat(TimelineBuckets.of(samples, 90)).containsExactly(new Bucket(0, 5000, 0, 0));
        }

        @Test
        void should_not_draw_samples_that_span_no_time() {
            assertThat(TimelineBuckets.drawable(List.of(new TimelineSample(T0, 1, 0))))
                    .isFalse();
            assertThat(TimelineBuckets.drawable(List.of(new TimelineSample(T0, 1, 0), new TimelineSample(T0, 2, 0))))
                    .isFalse();
            assertThat(TimelineBuckets.drawable(everyFiveSeconds(2, 1))).isTrue();
        }

        @Test
        void should_label_a_long_run_in_hours() {
            // when
            String html = TimelineChart.html(everyFiveSeconds(1441, 3));

            // then
            assertThat(html).contains(">2:00:00</text>", "1441 samples over 2 h 0 min");
            assertThat(html.split("class=\"bar\"", -1)).hasSizeLessThanOrEqualTo(91);
        }

        @Test
        void should_pick_round_axis_steps() {
            assertThat(AxisScale.upTo(5.0, 4, false)).isEqualTo(new AxisScale(6, 2));
            assertThat(AxisScale.upTo(0.3, 4, false).step()).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(AxisScale.upTo(0, 4, false)).isEqualTo(new AxisScale(1, 0.25));
            assertThat(AxisScale.upTo(3, 4, true)).isEqualTo(new AxisScale(3, 1));
            assertThat(AxisScale.label(0.30000000000000004)).isEqualTo("0.3");
        }
    }

    @Nested
    class Figures {
        @Test
        void should_never_round_a_share_to_nothing_or_to_the_whole() {
            assertThat(StatusChart.share(1, 3000)).isEqualTo("0.1%");
            assertThat(StatusChart.share(2999, 3000)).isEqualTo("99.9%");
            assertThat(StatusChart.share(5, 5)).isEqualTo("100%");
            assertThat(StatusChart.share(0, 5)).isEqualTo("0%");
        }

        @Test
        void should_show_offsets_as_a_clock() {
            assertThat(Formats.clock(65_000)).isEqualTo("1:05");
            assertThat(Formats.clock(3_723_000)).isEqualTo("1:02:03");
        }
    }
}
