package dev.qcl.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.PartitionNameProvider;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a run over several tenants into one partition per tenant, named by its alias, and one more for
 * the rows that name no tenant of the file (they are recorded INVALID without talking to any tenant).
 * The names are the same on a restart, so that Spring Batch resumes exactly the parts that did not complete.
 */
final class TenantPartitioner implements Partitioner, PartitionNameProvider {
    /** The key of a partition's alias in its execution context (and in its steps' contexts). */
    static final String ALIAS = "qcl.tenant";
    /** The partition of rows naming no tenant of the file: '~' is in no alias. */
    static final String UNASSIGNED = "~unassigned";

    private final List<String> names;

    TenantPartitioner(List<String> aliases, boolean unassigned) {
        this.names = unassigned
                ? java.util.stream.Stream.concat(aliases.stream(), java.util.stream.Stream.of(UNASSIGNED))
                        .toList()
                : List.copyOf(aliases);
    }

    /** One partition per name, whatever the grid size: a tenant's rows stay in sheet order in one part. */
    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (String name : names) {
            ExecutionContext context = new ExecutionContext();
            context.putString(ALIAS, name);
            partitions.put(name, context);
        }
        return partitions;
    }

    @Override
    public List<String> getPartitionNames(int gridSize) {
        return names;
    }
}
