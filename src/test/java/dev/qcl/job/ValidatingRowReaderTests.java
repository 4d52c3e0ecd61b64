package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.connector.DataSourceList;
import dev.qcl.connector.RowCheck;
import dev.qcl.connector.RowValidator;
import dev.qcl.connector.SecretPolicy;
import dev.qcl.connector.SpaceDirectory;
import dev.qcl.connector.SpecCache;
import dev.qcl.connector.SpecSource;
import dev.qcl.csv.ConnectionCsvReader;
import dev.qcl.csv.ReferenceResolver;
import dev.qcl.results.ResultFixtures;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import dev.qcl.run.OnExisting;
import dev.qcl.run.RowSelection;
import dev.qcl.run.RunParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * Reading and validating rows in sheet order, with the real CSV reader and validator, a real H2 job
 * repository for the results of a restarted run, and a directory of spaces that notes which thread
 * validated each row.
 */
class ValidatingRowReaderTests {
    static final long RUN = 7;
    static final String FINANCE = "6601c0a3e9b1f24d7a5c8e10";
    static final String SALES = "6601c0a3e9b1f24d7a5c8e12";
    static final String HEADER = "qName,dataSourceId,space,host,port\n";
    static final String POSITION = LoadJobFactory.READER_NAME + ".position";
    static final String POSTGRES_SPEC = """
            {"connectionProperties": {"type": "object",
              "properties": {"host": {"type": "string"}, "port": {"type": "integer"}},
              "required": ["host"]}}
            """;

    @TempDir
    Path dir;

    ResultRepository results;
    SpecCache specs;
    final Set<Thread> validatingThreads = new CopyOnWriteArraySet<>();
    ConnectionCsvReader csv;
    ValidatingRowReader reader;

    /** Finance and Sales exist; notes the thread of each look-up, which validation makes for each row. */
    final SpaceDirectory spaces = new SpaceDirectory() {
        @Override
        public boolean exists(String spaceId) {
            validatingThreads.add(Thread.currentThread());
            return spaceId.equals(FINANCE) || spaceId.equals(SALES);
        }

        @Override
        public List<String> idsByExactName(String name) {
            return List.of();
        }
    };

    @BeforeEach
    void repository() {
        results = new ResultRepository(ResultFixtures.database(dir));
        SpecSource source = new SpecSource() {
            @Override
            public DataSourceList dataSources() {
                return new DataSourceList(List.of("postgres"), null);
            }

            @Override
            public Optional<String> apiSpecJson(String dataSourceId) {
                return Optional.of(POSTGRES_SPEC);
            }
        };
        specs = new SpecCache(
                source,
                dir.resolve("specs"),
                Duration.ofHours(1),
                true,
                Clock.systemUTC(),
                new SecretPolicy(List.of()));
    }

    @AfterEach
    void close() {
        if (reader != null) {
            reader.close();
        }
    }

    ValidatingRowReader reader(String sheet, RowSelection selection, boolean dryRun, ExecutionContext context)
            throws IOException {
        Path input = Files.writeString(dir.resolve("input.csv"), HEADER + sheet);
        csv = new ConnectionCsvReader(input);
        csv.setName(LoadJobFactory.READER_NAME);
        ReferenceResolver references = new ReferenceResolver(dir, name -> null);
        reader = new ValidatingRowReader(
                csv,
                header -> new RowValidator(header, specs, spaces, references, new SecretPolicy(List.of())),
                selection,
                results);
        RunParameters run = RunParameters.of(input, "sha-1", null, OnExisting.SKIP, dryRun, null);
        JobExecution execution =
                new JobExecution(11, new JobInstance(RUN, LoadJobFactory.JOB_NAME), run.toJobParameters());
        reader.beforeStep(new StepExecution(12, LoadJobFactory.STEP_NAME, execution));
        reader.open(context);
        return reader;
    }

    ValidatingRowReader reader(String sheet) throws IOException {
        return reader(sheet, RowSelection.ALL, false, new ExecutionContext());
    }

    /** A reader of a dry run: it validates ahead in a thread of its own. */
    ValidatingRowReader dryRunReader(String sheet) throws IOException {
        return reader(sheet, RowSelection.ALL, true, new ExecutionContext());
    }

    /** The position the reader saves for a restart, as the step asks for it at a commit. */
    static long savedPosition(ValidatingRowReader reader) {
        ExecutionContext saved = new ExecutionContext();
        reader.update(saved);
        return saved.getLong(POSITION);
    }

    static List<RowCheck> readAll(ValidatingRowReader reader) throws Exception {
        List<RowCheck> checks = new ArrayList<>();
        for (RowCheck check = reader.read(); check != null; check = reader.read()) {
            checks.add(check);
        }
        return checks;
    }

    static String row(String qName, String space, String port) {
        return qName + ",postgres," + space + ",db.example.com," + port + "\n";
    }

    static String message(RowCheck check) {
        assertThat(check).isInstanceOf(RowCheck.Invalid.class);
        return ((RowCheck.Invalid) check).message();
    }

    @Nested
    class Validating {
        @Test
        void should_hand_out_each_row_validated_in_sheet_order_when_the_sheet_is_read() throws Exception {
            // given
            ValidatingRowReader reader = reader(
                    row("pg-1", FINANCE, "5432") + row("pg-2", FINANCE, "54O2") + "\n" + row("pg-3", SALES, "1"));

            // when
            List<RowCheck> checks = readAll(reader);

            // then: the blank record is no row; validation ran here, in the step's thread
            assertThat(checks).extracting(RowCheck::row).containsExactly(2, 3, 5);
            assertThat(checks.get(0)).isInstanceOf(RowCheck.Valid.class);
            assertThat(message(checks.get(1))).contains("port");
            assertThat(checks.get(2)).isInstanceOf(RowCheck.Valid.class);
            assertThat(validatingThreads).containsExactly(Thread.currentThread());
        }

        @Test
        void should_mark_a_later_row_invalid_when_it_names_the_same_connection_in_the_same_space() throws Exception {
            // given: row 3 repeats row 2; row 4 the same name in another space; row 5 repeats the invalid row 6
            ValidatingRowReader reader = reader(row("pg-1", FINANCE, "5432")
                    + row("pg-1", FINANCE, "5433")
                    + row("pg-1", SALES, "5432")
                    + row("pg-2", FINANCE, "54O2")
                    + row("pg-2", FINANCE, "5432"));

            // when
            List<RowCheck> checks = readAll(reader);

            // then
            assertThat(checks.get(0)).isInstanceOf(RowCheck.Valid.class);
            assertThat(message(checks.get(1)))
                    .isEqualTo("duplicate of row 2 (same qName and space); remove one of them");
            RowCheck.Invalid duplicate = (RowCheck.Invalid) checks.get(1);
            assertThat(duplicate.row()).isEqualTo(3);
            assertThat(duplicate.qName()).isEqualTo("pg-1");
            assertThat(duplicate.dataSourceId()).isEqualTo("postgres");
            assertThat(duplicate.space()).isEqualTo(FINANCE);
            assertThat(duplicate.violations()).extracting(v -> v.column()).containsExactly("qName");
            assertThat(checks.get(2)).isInstanceOf(RowCheck.Valid.class);
            assertThat(message(checks.get(3))).contains("port");
            assertThat(checks.get(4)).isInstanceOf(RowCheck.Valid.class);
        }

        @Test
        void should_pass_over_the_rows_the_selection_leaves_out_when_a_rerun_takes_some() throws Exception {
            // given: a selection of the rows in Sales
            RowSelection sales =
                    (row, header) -> row.cell(header.indexOf("space")).equals(SALES);
            ValidatingRowReader reader = reader(
                    row("pg-1", FINANCE, "5432") + row("pg-2", SALES, "5432") + row("pg-3", FINANCE, "5432"),
                    sales,
                    false,
                    new ExecutionContext());

            // when / then
            assertThat(readAll(reader)).extracting(RowCheck::row).containsExactly(3);
        }
    }

    @Nested
    class Restarting {
        @Test
        void should_count_the_rows_this_run_already_wrote_as_earlier_rows_when_the_run_restarts() throws Exception {
            // given: rows 2 (created) and 3 (invalid) were done by this run; run 8 created pg-3
            results.insert(
                    RUN,
                    List.of(
                            new RowResult(2, "pg-1", FINANCE, "postgres", RowStatus.CREATED, "c-1", 201, 1, ""),
                            new RowResult(3, "pg-2", FINANCE, "postgres", RowStatus.INVALID, null, null, 0, "port")));
            results.insert(
                    RUN + 1,
                    List.of(new RowResult(2, "pg-3", FINANCE, "postgres", RowStatus.CREATED, "c-3", 201, 1, "")));
            ExecutionContext resumed = new ExecutionContext();
            resumed.putLong(POSITION, 2);
            String sheet = row("pg-1", FINANCE, "5432")
                    + row("pg-2", FINANCE, "54O2")
                    + row("pg-1", FINANCE, "5432")
                    + row("pg-2", FINANCE, "5432")
                    + row("pg-3", FINANCE, "5432");

            // when
            List<RowCheck> checks = readAll(reader(sheet, RowSelection.ALL, false, resumed));

            // then: the run goes on after row 3; only what it wrote counts
            assertThat(checks).extracting(RowCheck::row).containsExactly(4, 5, 6);
            assertThat(message(checks.get(0))).startsWith("duplicate of row 2 ");
            assertThat(checks.get(1)).isInstanceOf(RowCheck.Valid.class);
            assertThat(checks.get(2)).isInstanceOf(RowCheck.Valid.class);
        }

        @Test
        void should_save_the_position_after_the_last_row_read_when_reading_in_the_steps_thread() throws Exception {
            // given
            ValidatingRowReader reader = reader(row("pg-1", FINANCE, "5432") + "\n" + row("pg-2", FINANCE, "5432"));
            reader.read();
            reader.read();

            // when
            long saved = savedPosition(reader);

            // then
            assertThat(saved).isEqualTo(3);
        }

        @Test
        void should_close_the_sheet_when_the_step_closes_the_reader() throws Exception {
            // given
            ValidatingRowReader reader = reader(row("pg-1", FINANCE, "5432") + row("pg-2", FINANCE, "5432"));
            reader.read();

            // when
            reader.close();

            // then
            assertThatThrownBy(csv::read)
                    .isInstanceOf(ItemStreamException.class)
                    .hasMessageContaining("not open");
        }
    }

    @Nested
    class DryRun {
        @Test
        void should_validate_in_a_thread_of_its_own_and_hand_out_the_same_rows_in_order_when_dry_run()
                throws Exception {
            // given
            ValidatingRowReader reader = dryRunReader(
                    row("pg-1", FINANCE, "5432") + row("pg-1", FINANCE, "5432") + row("pg-2", SALES, "54O2"));

            // when
            List<RowCheck> checks = readAll(reader);

            // then
            assertThat(checks).extracting(RowCheck::row).containsExactly(2, 3, 4);
            assertThat(checks.get(0)).isInstanceOf(RowCheck.Valid.class);
            assertThat(message(checks.get(1))).startsWith("duplicate of row 2 ");
            assertThat(message(checks.get(2))).contains("port");
            assertThat(validatingThreads).hasSize(1).doesNotContain(Thread.currentThread());
        }

        @Test
        void should_save_the_position_of_the_last_row_handed_out_when_rows_were_read_ahead() throws Exception {
            // given: the thread reading ahead reads the whole small sheet at once
            ValidatingRowReader reader = dryRunReader(
                    row("pg-1", FINANCE, "5432") + "\n" + row("pg-2", FINANCE, "5432") + row("pg-3", FINANCE, "5432"));
            reader.read();
            reader.read();

            // when
            long saved = savedPosition(reader);

            // then: after row 3 (the third record), not after the last one read
            assertThat(saved).isEqualTo(3);
        }

        @Test
        void should_stop_the_thread_reading_ahead_when_closed_before_the_end() throws Exception {
            // given: more rows than the thread may read ahead
            String sheet = IntStream.rangeClosed(1, 3_000)
                    .mapToObj(i -> row("pg-" + i, FINANCE, "5432"))
                    .collect(Collectors.joining());
            ValidatingRowReader reader = dryRunReader(sheet);
            assertThat(reader.read()).isNotNull();
            Thread readingAhead = validatingThreads.iterator().next();

            // when
            reader.close();

            // then
            assertThat(readingAhead.isAlive()).isFalse();
        }
    }
}
