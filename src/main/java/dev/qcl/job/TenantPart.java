package dev.qcl.job;

import dev.qcl.connector.SpecCache;
import dev.qcl.qlik.HttpStats;
import dev.qcl.qlik.QlikClient;
import dev.qcl.rows.RowSending;

/**
 * What one tenant's part of a run talks to and how its rows are told apart: the tenant's client, specs,
 * counters and sending, and the refusal of a row before validation (a row naming no tenant of the file).
 *
 * @param alias the tenant's alias; empty in a run over one tenant
 */
record TenantPart(
        String alias,
        QlikClient client,
        SpecCache specs,
        HttpStats stats,
        RowSending sending,
        ValidatingRowReader.Refusal refusal) {}
