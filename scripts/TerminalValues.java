import io.rsaudit.core.redact.Redactor;
import io.rsaudit.core.report.Redacted;
import io.rsaudit.core.report.Terminal;
import java.lang.management.*;
import java.nio.file.*;
import java.util.*;
/**
 * What a terminal report does to each value it prints, on every line of a text report (the benchmark estate's, say):
 * redacting then escaping in two passes against {@link Redacted#forTerminal}, which finds plain printable ASCII in
 * one, by turns in one JVM at C1 as ./rsaudit runs an offline scan. Thread CPU, the first two rounds discarded as
 * warm-up, medians of the rest. Not a whole command: docs/performance.md gives the scan's own figures.
 *
 * <pre>
 * ./rsaudit scan --input bench-estate --format text --output REPORT --fail-on none
 * java -XX:TieredStopAtLevel=1 -cp rsaudit-cli/target/rsaudit.jar scripts/TerminalValues.java REPORT 9
 * </pre>
 */
public class TerminalValues {
  public static void main(String[] a) throws Exception {
    String[] lines = Files.readAllLines(Path.of(a[0])).toArray(new String[0]);
    int rounds = Integer.parseInt(a[1]);
    ThreadMXBean t = ManagementFactory.getThreadMXBean();
    double[] two = new double[rounds], one = new double[rounds];
    long chars = 0;
    for (int i = 0; i < rounds; i++) {
      long c0 = t.getCurrentThreadCpuTime();
      for (String s : lines) chars += Terminal.escape(Redactor.redact(s)).length();
      two[i] = (t.getCurrentThreadCpuTime() - c0) / 1e6;
      c0 = t.getCurrentThreadCpuTime();
      for (String s : lines) chars -= Redacted.forTerminal(s).length();
      one[i] = (t.getCurrentThreadCpuTime() - c0) / 1e6;
      System.out.printf("round %d two passes %.0f ms, one pass %.0f ms%n", i, two[i], one[i]);
    }
    if (chars != 0) throw new IllegalStateException("the two ways printed different text");
    double[] tw = Arrays.copyOfRange(two, 2, rounds), on = Arrays.copyOfRange(one, 2, rounds);
    Arrays.sort(tw); Arrays.sort(on);
    System.out.printf("%d lines: two passes %.0f ms, one pass %.0f ms: %.2fx%n",
        lines.length, tw[tw.length / 2], on[on.length / 2], on[on.length / 2] / tw[tw.length / 2]);
  }
}
