package io.tideline.workbench.internal.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerspectiveTest {

    private static ViewRef v(String id) {
        return new ViewRef(id, "view." + id, Map.of());
    }

    /** Two stacks side by side: left [a, b], right [c]. */
    private static Perspective twoStacks() {
        return new Perspective("p", "P", new Split("root", true, List.of(30, 70), List.of(
                new Stack("left", List.of(v("a"), v("b")), 1), new Stack("right", List.of(v("c")), 0))),
                List.of(), null);
    }

    @Test
    void movingATabIntoAnotherStackMakesItActiveThere() {
        Perspective p = twoStacks().move("a", "right", Side.CENTER);
        assertThat(p.stackOf("a").orElseThrow().id()).isEqualTo("right");
        Stack right = p.stackOf("a").orElseThrow();
        assertThat(right.views()).extracting(ViewRef::instanceId).containsExactly("c", "a");
        assertThat(right.active()).isEqualTo(1);
        assertThat(p.stackOf("b").orElseThrow().views()).extracting(ViewRef::instanceId).containsExactly("b");
    }

    @Test
    void droppingOnASideSplitsTheTargetStack() {
        Perspective p = twoStacks().move("a", "right", Side.BOTTOM);
        assertThat(p.stacks()).hasSize(3);
        Split root = (Split) p.root();
        Split inner = (Split) root.children().get(1);
        assertThat(inner.horizontal()).isFalse();
        assertThat(((Stack) inner.children().get(0)).id()).isEqualTo("right");
        assertThat(((Stack) inner.children().get(1)).views()).extracting(ViewRef::instanceId).containsExactly("a");

        Perspective left = twoStacks().move("c", "left", Side.LEFT);
        // the emptied right stack goes, the left one is split with the new stack first
        Split l = (Split) left.root();
        assertThat(l.horizontal()).isTrue();
        assertThat(((Stack) l.children().get(0)).views()).extracting(ViewRef::instanceId).containsExactly("c");
        assertThat(((Stack) l.children().get(1)).id()).isEqualTo("left");
    }

    @Test
    void theLastViewOfAStackCannotSplitItsOwnStackAndCenterOnItselfChangesNothing() {
        Perspective p = twoStacks();
        assertThat(p.move("c", "right", Side.LEFT)).isSameAs(p);
        assertThat(p.move("a", "left", Side.CENTER)).isSameAs(p);
    }

    @Test
    void emptiedStacksAndSingleChildSplitsCollapse() {
        Perspective p = twoStacks().close("c");
        assertThat(p.root()).isInstanceOf(Stack.class);
        assertThat(p.root().id()).isEqualTo("left");
        Perspective empty = p.close("a").close("b");
        assertThat(empty.root()).isInstanceOf(Stack.class);
        assertThat(((Stack) empty.root()).views()).isEmpty();
        assertThat(empty.add(v("d"), null).views()).extracting(ViewRef::instanceId).containsExactly("d");
    }

    @Test
    void detachingMovesAViewIntoAWindowAndBackAgain() {
        Perspective p = twoStacks().detach("b", new Bounds(10, 20, 300, 200));
        assertThat(p.windows()).hasSize(1);
        Stack floating = p.stackOf("b").orElseThrow();
        assertThat(p.windows().get(0).root()).isEqualTo(floating);
        Perspective back = p.move("b", "right", Side.CENTER);
        assertThat(back.windows()).isEmpty();
        assertThat(back.views()).extracting(ViewRef::instanceId).containsExactly("a", "c", "b");
    }

    @Test
    void mainStacksLeaveOutWindowsOfTheirOwnAndViewsOfANodeAreInOrder() {
        Perspective p = twoStacks().detach("c", new Bounds(0, 0, 100, 100));
        assertThat(p.mainStacks()).extracting(Stack::id).containsExactly("left");
        assertThat(Perspective.views(p.windows().get(0).root())).extracting(ViewRef::instanceId).containsExactly("c");
        assertThat(Perspective.views(p.root())).extracting(ViewRef::instanceId).containsExactly("a", "b");
    }

    @Test
    void activeIndexFollowsTheActiveTabWhenAnEarlierTabCloses() {
        Perspective p = twoStacks().close("a");
        assertThat(p.stackOf("b").orElseThrow().active()).isEqualTo(0);
        Stack s = new Stack("s", List.of(v("x"), v("y"), v("z")), 2);
        Perspective q = new Perspective("q", "Q", s, List.of(), null).close("x");
        assertThat(q.stackOf("z").orElseThrow().active()).isEqualTo(1);
    }

    @Test
    void duplicateGivesNewInstanceIdsWithTheSameViewsAndSettings() {
        Perspective p = twoStacks().settings("a", Map.of("series", "btc"));
        Perspective d = p.duplicate("Copy");
        assertThat(d.id()).isNotEqualTo(p.id());
        assertThat(d.views()).extracting(ViewRef::viewId).containsExactlyElementsOf(
                p.views().stream().map(ViewRef::viewId).toList());
        assertThat(d.views()).extracting(ViewRef::instanceId).doesNotContainAnyElementsOf(
                p.views().stream().map(ViewRef::instanceId).toList());
        assertThat(d.views().get(0).settings()).containsEntry("series", "btc");
    }

    @Test
    void resizeReorderAndMaximize() {
        Perspective p = twoStacks().resize("root", List.of(50, 50)).reorder("b", 0).maximize("right");
        assertThat(((Split) p.root()).weights()).containsExactly(50, 50);
        assertThat(p.stackOf("a").orElseThrow().views()).extracting(ViewRef::instanceId).containsExactly("b", "a");
        assertThat(p.maximized()).isEqualTo("right");
        assertThat(p.close("c").maximized()).as("a maximised stack that goes is forgotten").isNull();
    }

    @Test
    void unknownIdsAreRefusedByName() {
        assertThatThrownBy(() -> twoStacks().move("nope", "right", Side.CENTER)).hasMessageContaining("nope");
        assertThatThrownBy(() -> twoStacks().move("a", "nowhere", Side.CENTER)).hasMessageContaining("nowhere");
    }
}
