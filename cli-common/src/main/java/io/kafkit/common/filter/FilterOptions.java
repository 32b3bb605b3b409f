package io.kafkit.common.filter;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The filter flags, for every tool that searches records: see {@link RecordFilter} for what they
 * mean.
 */
public final class FilterOptions {
  @Option(
      names = "--filter-key",
      paramLabel = "REGEX",
      description =
          "Keep records whose key has a match of REGEX (!REGEX: has none). Repeated: any of them.")
  List<String> keys = new ArrayList<>();

  @Option(
      names = "--filter-value",
      paramLabel = "REGEX",
      description =
          "Keep records whose value has a match of REGEX (!REGEX: has none). Repeated: any of"
              + " them.")
  List<String> values = new ArrayList<>();

  @Option(
      names = "--filter-header",
      paramLabel = "NAME[=REGEX]",
      description =
          "Keep records that have the header NAME (!NAME: that lack it), or one NAME whose value"
              + " has a match of REGEX (NAME=!REGEX: none has). Repeated: any of them.")
  List<String> headers = new ArrayList<>();

  @Option(
      names = "--filter-json",
      paramLabel = "/POINTER=REGEX",
      description =
          "Keep records whose value is JSON with a field at this JSON Pointer (/order/id) that"
              + " has a match of REGEX (!REGEX: has none). Repeated: any of them.")
  List<String> json = new ArrayList<>();

  /**
   * The filter the flags give.
   *
   * @throws IllegalArgumentException saying which flag is wrong and why, in one line
   */
  public RecordFilter filter() {
    return RecordFilter.of(keys, values, headers, json);
  }
}
