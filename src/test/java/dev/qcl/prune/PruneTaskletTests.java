package dev.qcl.prune;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.qcl.StepFixtures;
import dev.qcl.qlik.QlikClient;
import dev.qcl.results.ResultFixtures;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import dev.qcl.run.OnExisting;
import dev.qcl.run.Ownership;
import dev.qcl.run.RunParameters;
import dev.qcl.sandbox.SandboxSeed;
import dev.qcl.sandbox.SandboxSettings;
import dev.qcl.sandbox.SandboxTenant;
import dev.qcl.sandbox.StoredConnection;
import dev.qcl.settings.ConfigurationProblem;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * {@code --prune} one execution (one transaction) at a time, with the real results table in H2 and the
 * sandbox tenant on loopback; what an interrupted execution left behind is written to the results table
 * as it would have committed it, then a new step execution of the same run settles it.
 */
class PruneTaskletTests {
    static final long RUN = 7;
    static final String SET = "nightly";
    static final String WHY = "tagged qcl:nightly and named by no row of the sheet";
    static final String DELETE_ACTION = "/api/v1/data-connections/actions/delete";

    @TempDir
    Path dir;

    SandboxTenant tenant;
    QlikClient client;
    ResultRepository results;
    Path sheet;

    @BeforeEach
    void start() {
        tenant = SandboxTenant.start(SandboxSettings.defaults());
        client = StepFixtures.client(tenant);
        results = new ResultRepository(ResultFixtures.database(dir));
        sheet = OwnedSetFixtures.sheet(dir.resolve("sheet.csv"), "keep-1");
        owned("keep-1");
    }

    @AfterEach
    void stop() {
        client.close();
        tenant.close();
    }

    /** A connection of the set in Finance; its ID. */
    String owned(String qName) {
        return tenant.addConnection(
                        SandboxSeed.FINANCE_SPACE_ID,
                        qName,
                        "postgres",
                        Map.of("host", qName + ".example.com", "port", 5432, "database", "sales"),
                        List.of("qcl:" + SET))
                .id();
    }

    /** A new step execution of the run, as a start or a restart makes it. */
    PruneTasklet tasklet(int maxDeletes, boolean dryRun, int batchSize) {
        RunParameters run = RunParameters.of(sheet, "sha", null, OnExisting.SKIP, dryRun, null)
                .withOwnership(new Ownership(SET, true, maxDeletes));
        PruneTasklet tasklet = new PruneTasklet(run, new PrunePlanner(client), client, results, batchSize);
        tasklet.beforeStep(StepFixtures.stepOfRun(RUN));
        return tasklet;
    }

    PruneTasklet tasklet(int batchSize) {
        return tasklet(Ownership.DEFAULT_MAX_DELETES, false, batchSize);
    }

    /** The statuses of the executions until the tasklet says it is finished (at most 20). */
    static List<RepeatStatus> executeToTheEnd(PruneTasklet tasklet) {
        StepExecution step = StepFixtures.stepOfRun(RUN);
        List<RepeatStatus> statuses = new ArrayList<>();
        while (statuses.isEmpty() || statuses.get(statuses.size() - 1) == RepeatStatus.CONTINUABLE) {
            if (statuses.size() == 20) {
                throw new AssertionError("the tasklet did not finish: " + statuses);
            }
            statuses.add(tasklet.execute(new StepContribution(step), new ChunkContext(new StepContext(step))));
        }
        return statuses;
    }

    static RepeatStatus executeOnce(PruneTasklet tasklet) {
        StepExecution step = StepFixtures.stepOfRun(RUN);
        return tasklet.execute(new StepContribution(step), new ChunkContext(new StepContext(step)));
    }

    /** What an execution committed before it was killed: the deletion recorded as planned (or as settled). */
    RowResult recorded(int row, String qName, String id, RowStatus status) {
        RowResult deletion =
                new RowResult(row, qName, SandboxSeed.FINANCE_SPACE_ID, "postgres", status, id, null, 0, WHY);
        results.insert(RUN, List.of(deletion));
        return deletion;
    }

    /** The IDs in each bulk delete the tenant received, oldest first. */
    List<List<String>> bulkDeletes() {
        return requests("POST", DELETE_ACTION).stream()
                .map(r -> OwnedSetFixtures.JSON
                        .readTree(r.getBodyAsString())
                        .get("connections")
                        .valueStream()
                        .map(c -> c.get("id").asString())
                        .toList())
                .toList();
    }

    List<LoggedRequest> requests(String method, String pathPrefix) {
        return tenant.server().findAll(anyRequestedFor(anyUrl())).stream()
                .filter(r -> r.getMethod().getName().equals(method)
                        && URI.create(r.getUrl()).getPath().startsWith(pathPrefix))
                .toList();
    }

    List<String> names() {
        return tenant.connections().stream().map(StoredConnection::qName).toList();
    }

    @Nested
    class FromTheStart {
        @Test
        void should_record_each_batch_in_one_execution_and_send_it_in_the_next() {
            // given: three connections of the set that the sheet no longer names, batches of two
            String gone1 = owned("gone-1");
            String gone2 = owned("gone-2");
            String gone3 = owned("gone-3");
            PruneTasklet tasklet = tasklet(2);

            // when / then: plan, record 1-2, send them, record 3, send it
            assertThat(executeOnce(tasklet)).isEqualTo(RepeatStatus.CONTINUABLE);
            assertThat(results.deletions(RUN)).isEmpty();
            assertThat(executeOnce(tasklet)).isEqualTo(RepeatStatus.CONTINUABLE);
            assertThat(results.deletions(RUN))
                    .extracting(RowResult::row, RowResult::qName, RowResult::status, RowResult::connectionId)
                    .containsExactly(
                            tuple(-1, "gone-1", RowStatus.DELETE, gone1), tuple(-2, "gone-2", RowStatus.DELETE, gone2));
            assertThat(bulkDeletes()).isEmpty();
            assertThat(executeOnce(tasklet)).isEqualTo(RepeatStatus.CONTINUABLE);
            assertThat(bulkDeletes()).containsExactly(List.of(gone1, gone2));
            assertThat(executeOnce(tasklet)).isEqualTo(RepeatStatus.CONTINUABLE);
            assertThat(results.deletions(RUN)).hasSize(3);
            assertThat(executeOnce(tasklet)).isEqualTo(RepeatStatus.FINISHED);

            assertThat(bulkDeletes()).containsExactly(List.of(gone1, gone2), List.of(gone3));
            assertThat(names()).containsExactly("keep-1");
            assertThat(results.deletions(RUN))
                    .containsExactly(
                            deleted(-1, "gone-1", gone1, 204, WHY),
                            deleted(-2, "gone-2", gone2, 204, WHY),
                            deleted(-3, "gone-3", gone3, 204, WHY));
        }

        @Test
        void should_finish_after_planning_when_nothing_is_to_be_deleted() {
            // given: the set holds only what the sheet names
            PruneTasklet tasklet = tasklet(2);

            // when
            List<RepeatStatus> statuses = executeToTheEnd(tasklet);

            // then
            assertThat(statuses).containsExactly(RepeatStatus.FINISHED);
            assertThat(results.deletions(RUN)).isEmpty();
            assertThat(requests("POST", DELETE_ACTION)).isEmpty();
        }

        @Test
        void should_record_every_planned_deletion_at_once_and_send_nothing_in_a_dry_run() {
            // given
            String gone1 = owned("gone-1");
            String gone2 = owned("gone-2");

            // when
            List<RepeatStatus> statuses = executeToTheEnd(tasklet(Ownership.DEFAULT_MAX_DELETES, true, 1));

            // then
            assertThat(statuses).containsExactly(RepeatStatus.FINISHED);
            assertThat(results.deletions(RUN))
                    .containsExactly(planned(-1, "gone-1", gone1), planned(-2, "gone-2", gone2));
            assertThat(names()).containsExactlyInAnyOrder("keep-1", "gone-1", "gone-2");
        }

        @Test
        void should_log_the_set_and_the_number_to_delete() {
            // given
            owned("gone-1");
            owned("gone-2");

            // when
            List<String> logged;
            try (StepFixtures.Logs logs = new StepFixtures.Logs(PruneTasklet.class)) {
                executeOnce(tasklet(2));
                logged = logs.lines();
            }

            // then
            assertThat(logged).containsExactly("INFO Prune of set nightly: 2 connection(s) to delete");
        }
    }

    /** A new execution of the step after one was killed between recording a batch and settling it. */
    @Nested
    class OnRestart {
        @Test
        void should_send_a_recorded_deletion_that_never_went_out_before_planning_the_rest() {
            // given: gone-1 was recorded as planned, then the process died before sending it
            String gone1 = owned("gone-1");
            String gone2 = owned("gone-2");
            recorded(-1, "gone-1", gone1, RowStatus.DELETE);
            PruneTasklet tasklet = tasklet(5);

            // when
            List<String> logged;
            List<RepeatStatus> statuses;
            try (StepFixtures.Logs logs = new StepFixtures.Logs(PruneTasklet.class)) {
                statuses = executeToTheEnd(tasklet);
                logged = logs.lines();
            }

            // then: gone-1 first, on its own, then gone-2, recorded after it
            assertThat(statuses).hasSize(4).endsWith(RepeatStatus.FINISHED);
            assertThat(bulkDeletes()).containsExactly(List.of(gone1), List.of(gone2));
            assertThat(results.deletions(RUN))
                    .containsExactly(deleted(-1, "gone-1", gone1, 204, WHY), deleted(-2, "gone-2", gone2, 204, WHY));
            assertThat(names()).containsExactly("keep-1");
            assertThat(logged).contains("INFO Prune of set nightly: 2 connection(s) to delete");
        }

        @Test
        void should_record_as_deleted_without_sending_again_what_is_gone_from_the_tenant() {
            // given: gone-1 was recorded and sent, and the tenant deleted it; its answer was lost
            String gone1 = owned("gone-1");
            recorded(-1, "gone-1", gone1, RowStatus.DELETE);
            client.deleteConnection(gone1);
            int requestsBefore = requests("POST", DELETE_ACTION).size();

            // when
            List<RepeatStatus> statuses = executeToTheEnd(tasklet(5));

            // then
            assertThat(statuses).containsExactly(RepeatStatus.FINISHED);
            assertThat(requests("POST", DELETE_ACTION)).hasSize(requestsBefore);
            assertThat(results.deletions(RUN))
                    .containsExactly(deleted(
                            -1,
                            "gone-1",
                            gone1,
                            null,
                            "deleted; the tenant's answer was lost, the connection was gone on restart"));
        }

        @Test
        void should_forget_a_recorded_deletion_the_plan_no_longer_holds_and_keep_the_connection() {
            // given: gone-1 was recorded, not sent; since then the sheet names it again
            String gone1 = owned("gone-1");
            recorded(-1, "gone-1", gone1, RowStatus.DELETE);
            sheet = OwnedSetFixtures.sheet(dir.resolve("sheet.csv"), "keep-1", "gone-1");

            // when
            List<RepeatStatus> statuses = executeToTheEnd(tasklet(5));

            // then
            assertThat(statuses).containsExactly(RepeatStatus.FINISHED);
            assertThat(results.deletions(RUN)).isEmpty();
            assertThat(requests("POST", DELETE_ACTION)).isEmpty();
            assertThat(names()).containsExactlyInAnyOrder("keep-1", "gone-1");
        }

        @Test
        void should_neither_send_nor_record_again_a_deletion_already_settled() {
            // given: gone-1 was refused before the kill and is still there and still planned
            String gone1 = owned("gone-1");
            RowResult refused = recorded(-1, "gone-1", gone1, RowStatus.FAILED);

            // when
            List<RepeatStatus> statuses = executeToTheEnd(tasklet(5));

            // then
            assertThat(statuses).containsExactly(RepeatStatus.FINISHED);
            assertThat(results.deletions(RUN)).containsExactly(refused);
            assertThat(requests("POST", DELETE_ACTION)).isEmpty();
            assertThat(requests("GET", "/api/v1/data-connections/" + gone1)).isEmpty();
        }

        @Test
        void should_number_the_rest_after_the_deletions_recorded_before() {
            // given: -1 deleted, -2 recorded and gone since, -3 recorded and not sent
            String gone1 = owned("gone-1");
            String gone2 = owned("gone-2");
            String gone3 = owned("gone-3");
            String gone4 = owned("gone-4");
            RowResult settled = recorded(-1, "gone-1", gone1, RowStatus.DELETED);
            client.deleteConnection(gone1);
            recorded(-2, "gone-2", gone2, RowStatus.DELETE);
            client.deleteConnection(gone2);
            recorded(-3, "gone-3", gone3, RowStatus.DELETE);

            // when
            executeToTheEnd(tasklet(5));

            // then
            assertThat(results.deletions(RUN))
                    .containsExactly(
                            settled,
                            deleted(
                                    -2,
                                    "gone-2",
                                    gone2,
                                    null,
                                    "deleted; the tenant's answer was lost, the connection was gone on restart"),
                            deleted(-3, "gone-3", gone3, 204, WHY),
                            deleted(-4, "gone-4", gone4, 204, WHY));
            assertThat(bulkDeletes()).containsExactly(List.of(gone3), List.of(gone4));
        }

        @Test
        void should_keep_a_dry_runs_planned_deletions_as_they_are_and_send_nothing() {
            // given: a dry run that recorded its plan and was killed before it finished
            String gone1 = owned("gone-1");
            RowResult planned = recorded(-1, "gone-1", gone1, RowStatus.DELETE);

            // when
            List<RepeatStatus> statuses = executeToTheEnd(tasklet(Ownership.DEFAULT_MAX_DELETES, true, 5));

            // then
            assertThat(statuses).containsExactly(RepeatStatus.FINISHED);
            assertThat(results.deletions(RUN)).containsExactly(planned);
            assertThat(requests("POST", DELETE_ACTION)).isEmpty();
            assertThat(names()).containsExactlyInAnyOrder("keep-1", "gone-1");
        }
    }

    /** What each connection of a sent batch is recorded as, from the tenant's answer. */
    @Nested
    class Sending {
        @Test
        void should_record_deleted_and_already_gone_when_the_connection_went_between_recording_and_sending() {
            // given: gone-1 recorded, then deleted by someone else
            String gone1 = owned("gone-1");
            PruneTasklet tasklet = tasklet(5);
            executeOnce(tasklet);
            executeOnce(tasklet);
            client.deleteConnection(gone1);

            // when
            RepeatStatus status = executeOnce(tasklet);

            // then
            assertThat(status).isEqualTo(RepeatStatus.FINISHED);
            assertThat(results.deletions(RUN))
                    .containsExactly(deleted(-1, "gone-1", gone1, 404, WHY + "; it was already gone"));
        }

        @Test
        void should_fail_a_connection_the_tenants_answer_names_no_status_for_and_warn_once() {
            // given: a bulk answer that lists nothing
            String gone1 = owned("gone-1");
            answerTheBulkDeleteWith(207, "{\"data\":[]}");

            // when
            List<String> logged;
            try (StepFixtures.Logs logs = new StepFixtures.Logs(PruneTasklet.class)) {
                executeToTheEnd(tasklet(5));
                logged = logs.lines();
            }

            // then
            String message = "the tenant's answer named no status for this connection; it may or may not be deleted";
            assertThat(results.deletions(RUN)).containsExactly(failed(-1, "gone-1", gone1, null, 1, message));
            assertThat(logged)
                    .containsExactly(
                            "INFO Prune of set nightly: 1 connection(s) to delete",
                            "WARN Delete of 'gone-1' (" + gone1 + "): FAILED: " + message);
        }

        @Test
        void should_fail_a_connection_the_tenant_refused_to_delete_and_delete_the_others() {
            // given: the tenant refuses gone-1 and deletes gone-2
            String gone1 = owned("gone-1");
            String gone2 = owned("gone-2");
            answerTheBulkDeleteWith(
                    207,
                    "{\"data\":[{\"id\":\"" + gone1
                            + "\",\"status\":403,\"error\":{\"title\":\"Forbidden\",\"detail\":\"not yours\"}},"
                            + "{\"id\":\"" + gone2 + "\",\"status\":204}]}");

            // when
            List<String> logged;
            try (StepFixtures.Logs logs = new StepFixtures.Logs(PruneTasklet.class)) {
                executeToTheEnd(tasklet(5));
                logged = logs.lines();
            }

            // then
            assertThat(results.deletions(RUN))
                    .containsExactly(
                            failed(
                                    -1,
                                    "gone-1",
                                    gone1,
                                    403,
                                    1,
                                    "the tenant refused to delete it (HTTP 403): Forbidden: not yours"),
                            deleted(-2, "gone-2", gone2, 204, WHY));
            assertThat(logged).contains("INFO Deleted 'gone-2' (" + gone2 + ") of set nightly");
        }

        @Test
        void should_fail_the_whole_batch_and_send_no_single_delete_when_the_bulk_call_is_refused_otherwise() {
            // given
            String gone1 = owned("gone-1");
            String gone2 = owned("gone-2");
            answerTheBulkDeleteWith(400, "{\"errors\":[{\"code\":\"HTTP-400\",\"title\":\"Bad request\"}]}");

            // when
            executeToTheEnd(tasklet(5));

            // then
            assertThat(results.deletions(RUN))
                    .extracting(RowResult::connectionId, RowResult::status, RowResult::httpStatus, RowResult::attempts)
                    .containsExactly(tuple(gone1, RowStatus.FAILED, 400, 1), tuple(gone2, RowStatus.FAILED, 400, 1));
            assertThat(results.deletions(RUN))
                    .allSatisfy(d -> assertThat(d.message()).contains("Bad request"));
            assertThat(requests("DELETE", "/api/v1/data-connections/")).isEmpty();
            assertThat(names()).containsExactlyInAnyOrder("keep-1", "gone-1", "gone-2");
        }

        @Test
        void should_delete_one_by_one_from_then_on_when_the_identity_may_not_use_the_bulk_action() {
            // given: an identity without the admin role, batches of one
            tenant.setAdmin(false);
            String gone1 = owned("gone-1");
            String gone2 = owned("gone-2");

            // when
            List<String> logged;
            try (StepFixtures.Logs logs = new StepFixtures.Logs(PruneTasklet.class)) {
                executeToTheEnd(tasklet(1));
                logged = logs.lines();
            }

            // then: one bulk call learns it, and the second batch goes one by one at once
            assertThat(bulkDeletes()).containsExactly(List.of(gone1));
            assertThat(requests("DELETE", "/api/v1/data-connections/"))
                    .extracting(r -> r.getUrl().substring(r.getUrl().lastIndexOf('/') + 1))
                    .containsExactly(gone1, gone2);
            assertThat(results.deletions(RUN))
                    .containsExactly(deleted(-1, "gone-1", gone1, 204, WHY), deleted(-2, "gone-2", gone2, 204, WHY));
            assertThat(names()).containsExactly("keep-1");
            assertThat(logged)
                    .contains("INFO The identity may not use the bulk delete (HTTP 403, it needs the admin role);"
                            + " deleting one by one");
        }

        @Test
        void should_fail_only_the_connection_whose_single_delete_is_refused() {
            // given
            tenant.setAdmin(false);
            String gone1 = owned("gone-1");
            String gone2 = owned("gone-2");
            tenant.server()
                    .stubFor(delete(urlPathEqualTo("/api/v1/data-connections/" + gone1))
                            .atPriority(1)
                            .willReturn(aResponse()
                                    .withStatus(409)
                                    .withHeader("Content-Type", "application/json")
                                    .withBody("{\"errors\":[{\"code\":\"HTTP-409\",\"title\":\"In use\"}]}")));

            // when
            executeToTheEnd(tasklet(5));

            // then
            assertThat(results.deletions(RUN))
                    .extracting(RowResult::connectionId, RowResult::status, RowResult::httpStatus)
                    .containsExactly(tuple(gone1, RowStatus.FAILED, 409), tuple(gone2, RowStatus.DELETED, 204));
            assertThat(results.deletions(RUN).get(0).message()).contains("In use");
            assertThat(names()).containsExactlyInAnyOrder("keep-1", "gone-1");
        }

        void answerTheBulkDeleteWith(int status, String body) {
            tenant.server()
                    .stubFor(post(urlPathEqualTo(DELETE_ACTION))
                            .atPriority(1)
                            .willReturn(aResponse()
                                    .withStatus(status)
                                    .withHeader("Content-Type", "application/json")
                                    .withBody(body)));
        }
    }

    /** {@code --max-deletes} counts what was deleted before the interruption too. */
    @Nested
    class Cap {
        @Test
        void should_refuse_when_earlier_deletions_and_the_rest_together_exceed_the_cap() {
            // given: gone-1 deleted before the kill, gone-2 recorded and gone, gone-3 recorded, gone-4 new
            fourDeletionsOfWhichThreeRecorded();

            // when
            Throwable refused = catchThrowable(() -> executeOnce(tasklet(3, false, 5)));

            // then
            assertThat(refused)
                    .isInstanceOf(ConfigurationProblem.class)
                    .hasMessageContaining("--prune would delete 4 connections of set nightly")
                    .hasMessageContaining("--max-deletes 3");
            assertThat(requests("POST", DELETE_ACTION)).isEmpty();
        }

        @Test
        void should_go_on_when_earlier_deletions_and_the_rest_together_reach_the_cap_exactly() {
            // given
            fourDeletionsOfWhichThreeRecorded();

            // when
            List<RepeatStatus> statuses = executeToTheEnd(tasklet(4, false, 5));

            // then
            assertThat(statuses).endsWith(RepeatStatus.FINISHED);
            assertThat(results.deletions(RUN)).extracting(RowResult::status).containsOnly(RowStatus.DELETED);
            assertThat(names()).containsExactly("keep-1");
        }

        void fourDeletionsOfWhichThreeRecorded() {
            String gone1 = owned("gone-1");
            String gone2 = owned("gone-2");
            String gone3 = owned("gone-3");
            owned("gone-4");
            recorded(-1, "gone-1", gone1, RowStatus.DELETED);
            client.deleteConnection(gone1);
            recorded(-2, "gone-2", gone2, RowStatus.DELETE);
            client.deleteConnection(gone2);
            recorded(-3, "gone-3", gone3, RowStatus.DELETE);
        }
    }

    static RowResult deleted(int row, String qName, String id, Integer httpStatus, String message) {
        return new RowResult(
                row,
                qName,
                SandboxSeed.FINANCE_SPACE_ID,
                "postgres",
                RowStatus.DELETED,
                id,
                httpStatus,
                httpStatus == null ? 0 : 1,
                message);
    }

    static RowResult failed(int row, String qName, String id, Integer httpStatus, int attempts, String message) {
        return new RowResult(
                row,
                qName,
                SandboxSeed.FINANCE_SPACE_ID,
                "postgres",
                RowStatus.FAILED,
                id,
                httpStatus,
                attempts,
                message);
    }

    static RowResult planned(int row, String qName, String id) {
        return new RowResult(row, qName, SandboxSeed.FINANCE_SPACE_ID, "postgres", RowStatus.DELETE, id, null, 0, WHY);
    }
}
