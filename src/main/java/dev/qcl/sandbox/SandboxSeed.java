package dev.qcl.sandbox;

import java.util.List;

/** The spaces every sandbox tenant starts with; their IDs never change, so sample files can name them. */
public final class SandboxSeed {

    public static final String PERSONAL_SPACE_ID = "6601c0a3e9b1f24d7a5c8eff";
    public static final String FINANCE_SPACE_ID = "6601c0a3e9b1f24d7a5c8e10";
    public static final String FINANCE_ARCHIVE_SPACE_ID = "6601c0a3e9b1f24d7a5c8e11";
    public static final String SALES_SPACE_ID = "6601c0a3e9b1f24d7a5c8e12";
    public static final String MARKETING_SPACE_ID = "6601c0a3e9b1f24d7a5c8e13";
    public static final String GRIFFIN_OPS_SPACE_ID = "6601c0a3e9b1f24d7a5c8e14";
    public static final String DATA_ENGINEERING_SPACE_ID = "6601c0a3e9b1f24d7a5c8e15";

    /** The seeded spaces in creation order. */
    public static final List<SandboxSpace> SPACES = List.of(
            new SandboxSpace(FINANCE_SPACE_ID, "Finance", "shared"),
            new SandboxSpace(FINANCE_ARCHIVE_SPACE_ID, "Finance Archive", "shared"),
            new SandboxSpace(SALES_SPACE_ID, "Sales", "managed"),
            new SandboxSpace(MARKETING_SPACE_ID, "Marketing", "shared"),
            new SandboxSpace(GRIFFIN_OPS_SPACE_ID, "Griffin Ops", "shared"),
            new SandboxSpace(DATA_ENGINEERING_SPACE_ID, "Data Engineering", "managed"));

    private SandboxSeed() {}
}
