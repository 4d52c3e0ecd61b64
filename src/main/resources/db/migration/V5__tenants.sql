-- Runs over several tenants (--tenants): every result names its row's tenant by its alias (letters,
-- digits, '.', '_', '-', at most 40). Empty in a run over one tenant, and in every run made before.
-- A block's rows are of one tenant (a chunk belongs to one tenant's part of the run).
ALTER TABLE QCL_ROW_RESULT ADD COLUMN TENANT VARCHAR(40) DEFAULT '' NOT NULL;
ALTER TABLE QCL_RESULT_BLOCK ADD COLUMN TENANT VARCHAR(40) DEFAULT '' NOT NULL;
