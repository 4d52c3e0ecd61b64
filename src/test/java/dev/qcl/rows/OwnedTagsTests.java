package dev.qcl.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.run.Ownership;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tags a run writes: the sheet's, the set's, and the tenant's and other sets' kept as they are. */
class OwnedTagsTests {
    static final Ownership NIGHTLY = new Ownership("nightly", false, 20);

    @Test
    void should_add_the_sets_tag_to_a_new_connection() {
        assertThat(OwnedTags.forCreate(List.of("finance"), NIGHTLY)).containsExactly("finance", "qcl:nightly");
        assertThat(OwnedTags.forCreate(List.of("finance"), Ownership.NONE)).containsExactly("finance");
    }

    @Test
    void should_change_nothing_when_the_user_tags_match_and_the_set_owns_it() {
        List<String> current = List.of("finance", "qcl:nightly", "DcaasAPI:postgres");

        assertThat(OwnedTags.forUpdate(List.of("finance"), current, NIGHTLY)).isEmpty();
        assertThat(OwnedTags.forUpdate(List.of(), current, NIGHTLY)).isEmpty();
    }

    @Test
    void should_adopt_by_adding_the_sets_tag_and_keep_every_other_tag() {
        List<String> current = List.of("finance", "qcl:weekly", "DcaasAPI:postgres");

        assertThat(OwnedTags.forUpdate(List.of(), current, NIGHTLY))
                .contains(List.of("finance", "qcl:weekly", "qcl:nightly", "DcaasAPI:postgres"));
    }

    @Test
    void should_replace_the_user_tags_from_the_sheet_and_keep_ownership_and_tenant_tags() {
        List<String> current = List.of("old", "qcl:nightly", "DcaasAPI:postgres");

        assertThat(OwnedTags.forUpdate(List.of("new"), current, NIGHTLY))
                .contains(List.of("new", "qcl:nightly", "DcaasAPI:postgres"));
        assertThat(OwnedTags.userTagsDiffer(List.of("new"), current)).isTrue();
    }
}
