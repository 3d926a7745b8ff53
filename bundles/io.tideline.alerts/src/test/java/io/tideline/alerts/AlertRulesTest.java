package io.tideline.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.alerts.AlertKind;
import io.tideline.support.json.LastValidFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertRulesTest {

    @TempDir
    Path dir;

    private LastValidFile.State<AlertRules> read(LastValidFile<AlertRules> rules, String text, int touch)
            throws Exception {
        Path file = dir.resolve(AlertRules.FILE_NAME);
        Files.writeString(file, text);
        // A new modification time, so that the file counts as changed whatever the clock's resolution.
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(touch)));
        return rules.current(file);
    }

    @Test
    void withoutAFileTheDefaultsWatchRegimeTierStaleFeedsAndChecklistCrossingsSixHoursApart() {
        LastValidFile.State<AlertRules> s = AlertRules.lastValid().current(null);
        assertThat(s.error()).isNull();
        assertThat(s.value().rules()).extracting(AlertRule::kind).containsExactly(AlertKind.REGIME_CHANGE,
                AlertKind.TIER_CHANGE, AlertKind.STALE_FEED, AlertKind.CHECKLIST_CROSSING);
        assertThat(s.value().rules()).allMatch(r -> r.minInterval().equals(Duration.ofHours(6)));
    }

    @Test
    void aValidFileReplacesTheDefaults() throws Exception {
        LastValidFile.State<AlertRules> s = read(AlertRules.lastValid(), """
                {"version": 1, "rules": [
                  {"id": "regime", "kind": "regime-change", "minIntervalMinutes": 30},
                  {"id": "spx-low", "kind": "threshold", "role": "spx", "below": 4000},
                  {"id": "move", "kind": "threshold", "role": "us10y", "indicator": "change-bp(5)", "above": 25}
                ]}
                """, 1);
        assertThat(s.error()).isNull();
        AlertRules rules = s.value();
        assertThat(rules.rules()).hasSize(3);
        assertThat(rules.rule("regime").minInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(rules.rule("spx-low")).isEqualTo(new AlertRule("spx-low", AlertKind.THRESHOLD, "spx", null,
                null, 4000.0, Duration.ofHours(6)));
        assertThat(rules.rule("move").indicator()).isEqualTo("change-bp(5)");
        assertThat(rules.rule("move").above()).isEqualTo(25.0);
    }

    @Test
    void aBrokenFileIsNamedWithItsLineAndKeepsThePreviousRules() throws Exception {
        LastValidFile<AlertRules> rules = AlertRules.lastValid();
        read(rules, """
                {"version": 1, "rules": [{"id": "only", "kind": "regime-change"}]}
                """, 1);
        LastValidFile.State<AlertRules> s = read(rules, """
                {"version": 1, "rules": [
                  {"id": "only", "kind": "regime-change",}
                ]}
                """, 2);
        assertThat(s.error()).contains(AlertRules.FILE_NAME + ":2: ");
        assertThat(s.value().rules()).extracting(AlertRule::id).containsExactly("only");
    }

    @Test
    void aThresholdWithoutALevelIsRefusedNamingTheRuleAndField() throws Exception {
        LastValidFile.State<AlertRules> s = read(AlertRules.lastValid(), """
                {"version": 1, "rules": [
                  {"id": "a", "kind": "regime-change"},
                  {"id": "b", "kind": "threshold", "role": "spx"}
                ]}
                """, 1);
        assertThat(s.error()).contains(AlertRules.FILE_NAME + ":3: ").contains("rules[1]").contains("above")
                .contains("exactly one of above or below");
        assertThat(s.value()).isEqualTo(AlertRules.defaults());
    }

    @Test
    void unknownKindsKeysAndRepeatedIdsAreRefused() throws Exception {
        LastValidFile<AlertRules> rules = AlertRules.lastValid();
        assertThat(read(rules, """
                {"version": 1, "rules": [{"id": "a", "kind": "moon-phase"}]}
                """, 1).error()).contains(AlertRules.FILE_NAME + ":1: ").contains("rules[0].kind").contains("moon-phase")
                .contains("regime-change").contains("stale-feed").contains("checklist-crossing");
        assertThat(read(rules, """
                {"version": 1, "rules": [{"id": "a", "kind": "regime-change", "colour": "red"}]}
                """, 2).error()).contains("colour");
        assertThat(read(rules, """
                {"version": 1, "rules": [{"id": "a", "kind": "regime-change"}, {"id": "a", "kind": "tier-change"}]}
                """, 3).error()).contains("rules[1].id").contains("not used by an earlier rule");
        assertThat(read(rules, """
                {"version": 1, "rules": [{"id": "a", "kind": "tier-change", "role": "spx"}]}
                """, 4).error()).contains("rules[0].role").contains("only a threshold rule");
    }

    @Test
    void aChecklistCrossingRuleTakesNoRoleOrLevelOfItsOwn() throws Exception {
        LastValidFile<AlertRules> rules = AlertRules.lastValid();
        LastValidFile.State<AlertRules> s = read(rules, """
                {"version": 1, "rules": [{"id": "cross", "kind": "checklist-crossing", "minIntervalMinutes": 0}]}
                """, 1);
        assertThat(s.error()).isNull();
        assertThat(s.value().rules()).containsExactly(new AlertRule("cross", AlertKind.CHECKLIST_CROSSING, null, null,
                null, null, Duration.ZERO));
        assertThat(read(rules, """
                {"version": 1, "rules": [{"id": "cross", "kind": "checklist-crossing", "above": 15}]}
                """, 2).error()).contains("rules[0].above").contains("only a threshold rule");
    }
}
