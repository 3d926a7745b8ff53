package io.tideline.workbench.internal.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutTest {

    private static Perspective empty(String id) {
        return new Perspective(id, id.toUpperCase(), new Stack(id + "-s", List.of(), 0), List.of(), null);
    }

    @Test
    void perspectivesAreAddedReplacedActivatedAndDeleted() {
        Layout l = new Layout(1, "a", null, List.of(empty("a")));
        Layout two = l.with(empty("b")).activate("b");
        assertThat(two.perspectives()).extracting(Perspective::id).containsExactly("a", "b");
        assertThat(two.activePerspective().id()).isEqualTo("b");
        Layout renamed = two.with(two.activePerspective().rename("  Bee "));
        assertThat(renamed.perspectives()).hasSize(2);
        assertThat(renamed.activePerspective().name()).isEqualTo("Bee");
        Layout one = renamed.without("b");
        assertThat(one.active()).as("deleting the active one activates another").isEqualTo("a");
        assertThatThrownBy(() -> one.without("a")).hasMessageContaining("last perspective");
        assertThatThrownBy(() -> one.activate("zz")).hasMessageContaining("zz");
        assertThatThrownBy(() -> one.activePerspective().rename(" ")).hasMessageContaining("name");
    }

    @Test
    void anActiveIdNamingNoPerspectiveFallsBackToTheFirst() {
        assertThat(new Layout(1, "gone", null, List.of(empty("a"), empty("b"))).active()).isEqualTo("a");
    }
}
