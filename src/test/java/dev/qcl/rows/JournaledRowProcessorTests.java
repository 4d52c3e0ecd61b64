package dev.qcl.rows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.StepFixtures;
import dev.qcl.connector.ConnectionDraft;
import dev.qcl.connector.RowCheck;
import dev.qcl.connector.Violation;
import dev.qcl.qlik.QlikClient;
import dev.qcl.results.ResultFixtures;
import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import dev.qcl.rows.RowWrites.Entry;
import dev.qcl.run.OnExisting;
import dev.qcl.run.RunParameters;
import dev.qcl.run.RunProgress;
import dev.qcl.sandbox.SandboxSeed;
import dev.qcl.sandbox.SandboxSettings;
import dev.qcl.sandbox.SandboxTenant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The write journal around the row decision (contract section 5.7), with a real journal in H2 and a
 * real listing of the sandbox tenant on loopback; the decision itself is a stand-in that answers as
 * told, counts its result as {@link RowProcessor} does, and notes what the journal held when it was asked.
 */
class JournaledRowProcessorTests {
    static final long RUN = 7;
    static final int ROW = 2;
    static final String NAME = "pg-1";
    static final String SPACE = SandboxSeed.FINANCE_SPACE_ID;
    static final RowCheck.Valid VALID =
            new RowCheck.Valid(new ConnectionDraft(ROW, NAME, "postgres", SPACE, List.of(), Map.of()));

    @TempDir
    Path dir;

    SandboxTenant tenant;
    QlikClient client;
    RowWrites journal;
    RunProgress progress = new RunProgress();
    /** What the journal held for the row each time the decision was asked. */
    List<Optional<Entry>> seenByDecision = new ArrayList<>();

    @BeforeEach
    void start() {
        tenant = SandboxTenant.start(SandboxSettings.defaults());
        client = StepFixtures.client(tenant);
        journal = new RowWrites(ResultFixtures.database(dir));
    }

    @AfterEach
    void stop() {
        client.close();
        tenant.close();
    }

    /** A stand-in for the decision that answers {@code status} for connection {@code connectionId}. */
    ItemProcessor<RowCheck, RowResult> decides(RowStatus status, String connectionId) {
        return check -> {
            seenByDecision.add(journal.find(RUN, check.row()));
            progress.record(status);
            return new RowResult(
                    check.row(), NAME, SPACE, "postgres", status, connectionId, 201, 3, "the decision's " + status);
        };
    }

    JournaledRowProcessor processor(ItemProcessor<RowCheck, RowResult> decision, OnExisting mode, boolean dryRun) {
        RunParameters run = RunParameters.of(dir.resolve("sheet.csv"), "sha", null, mode, dryRun, null);
        JournaledRowProcessor processor =
                new JournaledRowProcessor(decision, journal, new ExistingConnections(client), run, progress);
        processor.beforeStep(StepFixtures.stepOfRun(RUN));
        return processor;
    }

    JournaledRowProcessor processor(ItemProcessor<RowCheck, RowResult> decision, OnExisting mode) {
        return processor(decision, mode, false);
    }

    String seedTheName() {
        return tenant.addConnection(SPACE, NAME, "postgres", Map.of("host", "h", "port", 5432, "database", "d"))
                .id();
    }

    static RowResult result(RowStatus status, String connectionId, Integer httpStatus, int attempts, String message) {
        return new RowResult(ROW, NAME, SPACE, "postgres", status, connectionId, httpStatus, attempts, message);
    }

    /** The row's result as recorded: returned to the step, journalled as the tenant's answer, counted once. */
    void assertRecorded(RowResult result, RowStatus status, String id, int httpStatus, int attempts, String message) {
        assertThat(result).isEqualTo(result(status, id, httpStatus, attempts, message));
        assertThat(journal.find(RUN, ROW)).contains(new Entry(status.name(), id, httpStatus, attempts, message));
        assertThat(progress.counts()).isEqualTo(Map.of(status, 1L));
    }

    @Nested
    class MetForTheFirstTime {
        @Test
        void should_journal_the_create_before_it_goes_out_and_the_answer_after_when_the_name_is_free()
                throws Exception {
            // given
            JournaledRowProcessor processor = processor(decides(RowStatus.CREATED, "c-new"), OnExisting.SKIP);

            // when
            RowResult result = processor.process(VALID);

            // then
            assertThat(seenByDecision).containsExactly(Optional.of(new Entry(RowWrites.CREATING, "", null, 0, "")));
            assertRecorded(result, RowStatus.CREATED, "c-new", 201, 3, "the decision's CREATED");
        }

        @Test
        void should_journal_nothing_for_a_row_that_may_not_be_written_though_its_name_is_free() throws Exception {
            // given: a saved plan that neither creates nor updates the row
            RunParameters run = RunParameters.of(dir.resolve("sheet.csv"), "sha", null, OnExisting.SKIP, false, null);
            ItemProcessor<RowCheck, RowResult> decision = decides(RowStatus.FAILED, null);
            JournaledRowProcessor processor = new JournaledRowProcessor(
                    decision, decision, row -> false, journal, new ExistingConnections(client), run, progress);
            processor.beforeStep(StepFixtures.stepOfRun(RUN));

            // when
            RowResult result = processor.process(VALID);

            // then
            assertThat(seenByDecision).containsExactly(Optional.empty());
            assertThat(result.status()).isEqualTo(RowStatus.FAILED);
            assertThat(journal.find(RUN, ROW)).isEmpty();
        }

        @Test
        void should_journal_the_update_with_the_listed_connection_id_when_the_name_exists_in_update_mode()
                throws Exception {
            // given
            String id = seedTheName();
            JournaledRowProcessor processor = processor(decides(RowStatus.UPDATED, id), OnExisting.UPDATE);

            // when
            RowResult result = processor.process(VALID);

            // then
            assertThat(seenByDecision).containsExactly(Optional.of(new Entry(RowWrites.UPDATING, id, null, 0, "")));
            assertThat(result.status()).isEqualTo(RowStatus.UPDATED);
            assertThat(journal.find(RUN, ROW)).contains(new Entry("UPDATED", id, 201, 3, "the decision's UPDATED"));
        }

        @ParameterizedTest(name = "--on-existing {0}")
        @EnumSource(
                value = OnExisting.class,
                names = {"SKIP", "FAIL"})
        void should_journal_nothing_when_the_name_exists_and_the_mode_writes_nothing(OnExisting mode) throws Exception {
            // given
            String id = seedTheName();
            RowStatus status = mode == OnExisting.SKIP ? RowStatus.SKIPPED : RowStatus.FAILED;
            JournaledRowProcessor processor = processor(decides(status, id), mode);

            // when
            RowResult result = processor.process(VALID);

            // then
            assertThat(seenByDecision).containsExactly(Optional.empty());
            assertThat(result.status()).isEqualTo(status);
            assertThat(journal.find(RUN, ROW)).isEmpty();
        }

        @Test
        void should_forget_the_create_when_the_tenant_refused_it() throws Exception {
            // given
            JournaledRowProcessor processor = processor(decides(RowStatus.FAILED, null), OnExisting.SKIP);

            // when
            RowResult result = processor.process(VALID);

            // then
            assertThat(seenByDecision).containsExactly(Optional.of(new Entry(RowWrites.CREATING, "", null, 0, "")));
            assertThat(result.status()).isEqualTo(RowStatus.FAILED);
            assertThat(journal.find(RUN, ROW)).isEmpty();
        }

        @Test
        void should_journal_nothing_and_leave_the_failure_to_the_decision_when_the_spaces_listing_is_refused()
                throws Exception {
            // given: the tenant refuses to list the row's space
            tenant.server()
                    .stubFor(get(urlPathEqualTo("/api/v1/data-connections"))
                            .withQueryParam("spaceId", equalTo(SPACE))
                            .atPriority(1)
                            .willReturn(aResponse()
                                    .withStatus(403)
                                    .withHeader("Content-Type", "application/json")
                                    .withBody("{\"errors\":[{\"code\":\"SPC-403\",\"title\":\"Forbidden\"}]}")));
            JournaledRowProcessor processor = processor(decides(RowStatus.FAILED, null), OnExisting.UPDATE);

            // when
            RowResult result = processor.process(VALID);

            // then
            assertThat(seenByDecision).containsExactly(Optional.empty());
            assertThat(result).isEqualTo(result(RowStatus.FAILED, null, 201, 3, "the decision's FAILED"));
            assertThat(journal.find(RUN, ROW)).isEmpty();
        }

        @Test
        void should_journal_nothing_in_a_dry_run_when_the_name_is_free() throws Exception {
            // given
            JournaledRowProcessor processor = processor(decides(RowStatus.CREATE, null), OnExisting.SKIP, true);

            // when
            RowResult result = processor.process(VALID);

            // then
            assertThat(seenByDecision).containsExactly(Optional.empty());
            assertThat(result.status()).isEqualTo(RowStatus.CREATE);
            assertThat(journal.find(RUN, ROW)).isEmpty();
        }

        @Test
        void should_hand_an_invalid_row_to_the_decision_without_journalling_it() throws Exception {
            // given
            RowCheck invalid =
                    new RowCheck.Invalid(ROW, NAME, "postgres", "Finance", List.of(new Violation("port", "bad port")));
            JournaledRowProcessor processor = processor(decides(RowStatus.INVALID, null), OnExisting.UPDATE);

            // when
            RowResult result = processor.process(invalid);

            // then
            assertThat(seenByDecision).containsExactly(Optional.empty());
            assertThat(result.status()).isEqualTo(RowStatus.INVALID);
            assertThat(journal.find(RUN, ROW)).isEmpty();
        }
    }

    /** A row of the chunk a kill, stop or failure interrupted, met again when the run is restarted. */
    @Nested
    class MetAgainOnRestart {
        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = RowStatus.class,
                names = {"CREATED", "UPDATED"})
        void should_take_the_journalled_answer_without_asking_the_decision_when_the_tenant_had_answered(
                RowStatus answered) throws Exception {
            // given: the tenant answered before the interruption; the name exists now, so a decision would skip
            seedTheName();
            journal.answered(RUN, result(answered, "c-9", 201, 2, "after a 503"));
            JournaledRowProcessor processor = processor(decides(RowStatus.SKIPPED, "c-9"), OnExisting.SKIP);

            // when
            RowResult result;
            List<String> logged;
            try (StepFixtures.Logs logs = new StepFixtures.Logs(JournaledRowProcessor.class)) {
                result = processor.process(VALID);
                logged = logs.lines();
            }

            // then
            assertThat(seenByDecision).isEmpty();
            assertThat(result).isEqualTo(result(answered, "c-9", 201, 2, "after a 503"));
            assertThat(progress.counts()).isEqualTo(Map.of(answered, 1L));
            assertThat(logged)
                    .containsExactly("INFO Row 2: " + answered + " before the interruption, as connection c-9");
        }

        @Test
        void should_record_created_with_the_listed_id_when_an_unanswered_create_finds_its_name_taken()
                throws Exception {
            // given: the create went out, its answer was lost; the tenant has the name now
            journal.sending(RUN, ROW, RowWrites.CREATING, "");
            String id = seedTheName();
            JournaledRowProcessor processor = processor(decides(RowStatus.SKIPPED, id), OnExisting.SKIP);

            // when
            RowResult result = processor.process(VALID);

            // then
            String message = "created before the interruption; its answer was lost, the name was found on look-up";
            assertThat(seenByDecision).isEmpty();
            assertRecorded(result, RowStatus.CREATED, id, 200, 1, message);
        }

        @Test
        void should_ask_the_decision_and_journal_its_create_when_an_unanswered_create_finds_the_name_free()
                throws Exception {
            // given: the create went out but never reached the tenant
            journal.sending(RUN, ROW, RowWrites.CREATING, "");
            JournaledRowProcessor processor = processor(decides(RowStatus.CREATED, "c-new"), OnExisting.SKIP);

            // when
            RowResult result = processor.process(VALID);

            // then
            assertThat(seenByDecision).containsExactly(Optional.of(new Entry(RowWrites.CREATING, "", null, 0, "")));
            assertRecorded(result, RowStatus.CREATED, "c-new", 201, 3, "the decision's CREATED");
        }

        @Test
        void should_forget_an_unanswered_create_when_the_decision_now_fails() throws Exception {
            // given
            journal.sending(RUN, ROW, RowWrites.CREATING, "");
            JournaledRowProcessor processor = processor(decides(RowStatus.FAILED, null), OnExisting.SKIP);

            // when
            RowResult result = processor.process(VALID);

            // then
            assertThat(result.status()).isEqualTo(RowStatus.FAILED);
            assertThat(journal.find(RUN, ROW)).isEmpty();
        }

        @Test
        void should_record_updated_when_an_unanswered_update_left_nothing_to_change() throws Exception {
            // given: the update went out, its answer was lost; the connection now matches the row
            journal.sending(RUN, ROW, RowWrites.UPDATING, "c-1");
            JournaledRowProcessor processor = processor(decides(RowStatus.SKIPPED, "c-1"), OnExisting.UPDATE);

            // when
            RowResult result = processor.process(VALID);

            // then
            String message = "updated before the interruption; its answer was lost, the connection now matches the row";
            assertThat(seenByDecision).hasSize(1);
            assertRecorded(result, RowStatus.UPDATED, "c-1", 200, 1, message);
        }

        @Test
        void should_keep_the_skip_and_forget_the_update_when_the_name_now_belongs_to_another_connection()
                throws Exception {
            // given: the connection the update went to was replaced by another of that name
            journal.sending(RUN, ROW, RowWrites.UPDATING, "c-1");
            JournaledRowProcessor processor = processor(decides(RowStatus.SKIPPED, "c-2"), OnExisting.UPDATE);

            // when
            RowResult result = processor.process(VALID);

            // then
            assertThat(result).isEqualTo(result(RowStatus.SKIPPED, "c-2", 201, 3, "the decision's SKIPPED"));
            assertThat(journal.find(RUN, ROW)).isEmpty();
            assertThat(progress.counts()).isEqualTo(Map.of(RowStatus.SKIPPED, 1L));
        }

        @Test
        void should_journal_the_decisions_update_when_an_unanswered_update_still_differs() throws Exception {
            // given: the update never reached the tenant, so the connection still differs from the row
            journal.sending(RUN, ROW, RowWrites.UPDATING, "c-1");
            JournaledRowProcessor processor = processor(decides(RowStatus.UPDATED, "c-1"), OnExisting.UPDATE);

            // when
            RowResult result = processor.process(VALID);

            // then
            assertRecorded(result, RowStatus.UPDATED, "c-1", 201, 3, "the decision's UPDATED");
        }

        @Test
        void should_keep_the_failure_and_forget_the_update_when_the_decision_now_fails_for_that_connection()
                throws Exception {
            // given
            journal.sending(RUN, ROW, RowWrites.UPDATING, "c-1");
            JournaledRowProcessor processor = processor(decides(RowStatus.FAILED, "c-1"), OnExisting.UPDATE);

            // when
            RowResult result = processor.process(VALID);

            // then
            assertThat(result.status()).isEqualTo(RowStatus.FAILED);
            assertThat(journal.find(RUN, ROW)).isEmpty();
            assertThat(progress.counts()).isEqualTo(Map.of(RowStatus.FAILED, 1L));
        }
    }
}
