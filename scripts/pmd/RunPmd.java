// PMD 7 runner for the offline Apex check. PMD ships in @salesforce/code-analyzer-pmd-engine as
// libraries only (no pmd-cli jar), so this single-file program drives net.sourceforge.pmd.PmdAnalysis:
//
//   java -cp "<java-lib>/*" scripts/pmd/RunPmd.java <ruleset.xml> <dir-or-file>...
//
// It prints one JSON document on stdout: {"violations":[...],"suppressed":[...],"errors":[...]}
// and exits 0; the caller (scripts/check-pmd.mjs) decides pass/fail. A ruleset or rule that cannot
// be loaded is reported in "errors" so a typo in ruleset.xml fails the check instead of silently
// running fewer rules.
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.lang.LanguageRegistry;
import net.sourceforge.pmd.reporting.Report;
import net.sourceforge.pmd.reporting.RuleViolation;
import net.sourceforge.pmd.util.log.PmdReporter;
import org.slf4j.event.Level;

public class RunPmd {
  static String json(String s) {
    if (s == null) return "null";
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }

  static String violation(RuleViolation v) {
    return "{\"file\":" + json(v.getFileId().getAbsolutePath())
        + ",\"line\":" + v.getBeginLine()
        + ",\"rule\":" + json(v.getRule().getName())
        + ",\"ruleset\":" + json(v.getRule().getRuleSetName())
        + ",\"priority\":" + v.getRule().getPriority().getPriority()
        + ",\"message\":" + json(v.getDescription()) + "}";
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: RunPmd <ruleset.xml> <dir-or-file>...");
      System.exit(2);
    }
    List<String> errors = new ArrayList<>();
    PMDConfiguration config = new PMDConfiguration();
    config.addRuleSet(args[0]);
    for (int i = 1; i < args.length; i++) {
      config.addInputPath(Path.of(args[i]));
    }
    config.setOnlyRecognizeLanguage(LanguageRegistry.PMD.getLanguageById("apex"));
    config.setThreads(1);
    config.setIgnoreIncrementalAnalysis(true);
    // Collect configuration problems (unknown rule, bad ruleset) instead of only logging them.
    PmdReporter base = config.getReporter();
    config.setReporter(new PmdReporter() {
      @Override
      public boolean isLoggable(Level level) {
        return level.toInt() >= Level.WARN.toInt();
      }

      @Override
      public void logEx(Level level, String message, Object[] formatArgs, Throwable error) {
        String text = message == null ? String.valueOf(error) : java.text.MessageFormat.format(message.replace("'", "''"), formatArgs);
        if (error != null && message != null) text += ": " + error;
        if (level == Level.ERROR) errors.add(text);
        base.logEx(level, message, formatArgs, error);
      }

      @Override
      public int numErrors() {
        return base.numErrors();
      }
    });
    List<String> violations = new ArrayList<>();
    List<String> suppressed = new ArrayList<>();
    int rules;
    try (PmdAnalysis pmd = PmdAnalysis.create(config)) {
      rules = pmd.getRulesets().stream().mapToInt(rs -> rs.getRules().size()).sum();
      Report report = pmd.performAnalysisAndCollectReport();
      for (RuleViolation v : report.getViolations()) violations.add(violation(v));
      for (Report.SuppressedViolation s : report.getSuppressedViolations()) {
        suppressed.add("{\"violation\":" + violation(s.getRuleViolation()) + ",\"userMessage\":" + json(s.getUserMessage()) + "}");
      }
      for (Report.ProcessingError e : report.getProcessingErrors()) {
        errors.add("processing error in " + e.getFileId().getAbsolutePath() + ": " + e.getMsg());
      }
      for (Report.ConfigurationError e : report.getConfigurationErrors()) {
        errors.add("configuration error in rule " + e.rule().getName() + ": " + e.issue());
      }
    }
    List<String> errs = new ArrayList<>();
    for (String e : errors) errs.add(json(e));
    System.out.println("{\"rules\":" + rules + ",\"violations\":[" + String.join(",", violations) + "],\"suppressed\":["
        + String.join(",", suppressed) + "],\"errors\":[" + String.join(",", errs) + "]}");
  }
}
