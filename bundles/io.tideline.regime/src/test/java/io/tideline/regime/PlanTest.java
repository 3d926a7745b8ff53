package io.tideline.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which roles the checklist's leadership step compares, by what is bound. */
class PlanTest {

    private final Rules rules = RulesLoader.defaults();

    @Test
    void a_bound_basket_is_measured_against_the_first_bound_index() {
        Plan p = Plan.of(rules, Set.of("software", "ndx", "spx")::contains);
        assertThat(p.basket()).isEqualTo("software");
        assertThat(p.index()).isEqualTo("ndx");
    }

    @Test
    void without_a_basket_the_nasdaq_is_measured_against_the_s_and_p() {
        Plan p = Plan.of(rules, Set.of("ndx", "spx", "btc")::contains);
        assertThat(p.basket()).isEqualTo("ndx");
        assertThat(p.index()).isEqualTo("spx");
        assertThat(p.nodes()).anyMatch(n -> n.name().equals(Plan.LEAD_RATIO) && n.inputs().equals(java.util.List.of("ndx", "spx")));
    }

    @Test
    void with_one_index_and_no_basket_leadership_has_no_ratio() {
        Plan p = Plan.of(rules, Set.of("spx", "btc")::contains);
        assertThat(p.nodes()).noneMatch(n -> n.name().equals(Plan.LEAD_RATIO));
        assertThat(p.index()).isEqualTo("spx");
    }
}
