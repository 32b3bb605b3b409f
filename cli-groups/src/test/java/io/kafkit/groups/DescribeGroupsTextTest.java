package io.kafkit.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The renderers against Apache 4.3.1's output (src/test/resources/golden). */
class DescribeGroupsTextTest {
  static String golden(String name) throws IOException {
    try (InputStream in = DescribeGroupsTextTest.class.getResourceAsStream("/golden/" + name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.substring(text.indexOf('\n') + 1); // without the command line
    }
  }

  static GroupsRequest request(GroupsRequest.View view, boolean verbose) {
    return new GroupsRequest(
        List.of("g"),
        false,
        List.of(),
        false,
        view,
        verbose,
        false,
        Set.of(),
        false,
        Set.of(),
        new ResetOptions());
  }

  static String render(GroupsView view, GroupsRequest request) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    DescribeGroupsText.render(
        view, request, new PrintWriter(out, true), new PrintWriter(err, true));
    return err + out.toString(); // the golden files show both streams, stderr's note first
  }

  static GroupsView.Group group(
      String state, List<GroupsView.Member> members, List<GroupsView.PartitionOffsets> rows) {
    return new GroupsView.Group(
        "g",
        true,
        "Classic",
        state,
        "127.0.0.1:9092  (1)",
        state.equals("Empty") ? "-" : "range",
        null,
        null,
        members,
        rows);
  }

  @Test
  void offsetsOfAnEmptyGroup() throws IOException {
    List<GroupsView.PartitionOffsets> rows =
        List.of(
            new GroupsView.PartitionOffsets(
                "perf", 0, null, 170496L, 333592L, 163096L, null, null, null),
            new GroupsView.PartitionOffsets(
                "perf", 1, null, 168480L, 333408L, 164928L, null, null, null),
            new GroupsView.PartitionOffsets(
                "perf", 2, null, 161024L, 333000L, 171976L, null, null, null));
    GroupsView view = new GroupsView(List.of(group("Empty", List.of(), rows)));
    assertEquals(
        golden("consumer-groups-describe.txt").strip(),
        render(view, request(GroupsRequest.View.OFFSETS, false)).strip());
  }

  @Test
  void stateAndVerboseMembersOfAnActiveGroup() throws IOException {
    GroupsView.Member member =
        new GroupsView.Member(
            "console-consumer-9ec05d98-c3f7-4a34-87d7-6d8e517b74c3",
            null,
            "/127.0.0.1",
            "console-consumer",
            3,
            null,
            "perf:0,1,2",
            null,
            null);
    GroupsView view = new GroupsView(List.of(group("Stable", List.of(member), List.of())));
    assertEquals(
        golden("consumer-groups-describe-state-active.txt"),
        render(view, request(GroupsRequest.View.STATE, false)));
    assertEquals(
        golden("consumer-groups-describe-members-verbose-active.txt"),
        render(view, request(GroupsRequest.View.MEMBERS, true)));
  }

  @Test
  void aMemberWithoutPartitionsShowsDashesAsApacheDoes() {
    GroupsView.Member idle = new GroupsView.Member("m-1", null, "/h", "c", 0, 3, "", 3, "");
    GroupsView view = new GroupsView(List.of(group("Stable", List.of(idle), List.of())));
    List<String> lines =
        render(view, request(GroupsRequest.View.MEMBERS, true))
            .lines()
            .filter(l -> !l.isBlank())
            .toList();
    assertEquals(
        List.of("g", "m-1", "/h", "c", "0", "3", "-", "3", "-"),
        List.of(lines.get(lines.size() - 1).trim().split("\\s+")),
        String.join("\n", lines));
  }

  @Test
  void listWithStates() throws IOException {
    StringWriter out = new StringWriter();
    ListGroups.text(
        new ListGroups.Listing(List.of(new ListGroups.Group("g", "Classic", "Empty")), false, true),
        new PrintWriter(out, true));
    assertEquals(golden("consumer-groups-list-state.txt"), out.toString());
  }
}
