import io.rsaudit.core.hunt.engine.HuntEngine;
import io.rsaudit.core.hunt.read.*;
import io.rsaudit.core.hunt.rule.*;
import io.rsaudit.core.policy.*;
import java.lang.management.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.atomic.LongAdder;
/**
 * Reading alone against the whole hunt (all built-in rules) in one JVM, on the calling thread: thread CPU, the first
 * two rounds discarded as warm-up, medians of the rest. The policy is DIR.policy.yaml ({@code rsaudit-bench rules
 * generate} writes it). Compare builds by running it with each build's classes:
 *
 * <pre>
 * java -Xmx256m -XX:ActiveProcessorCount=1 -cp rsaudit-benchmarks/target/rsaudit-bench.jar scripts/HuntRatio.java DIR 9
 * </pre>
 */
public class HuntRatio {
  public static void main(String[] a) throws Exception {
    Path dir = Path.of(a[0]); int rounds = Integer.parseInt(a[1]);
    List<LogInput> inputs = LocalFiles.walk(dir).inputs().stream().filter(i -> !i.name().endsWith(".tsv")).toList();
    Policy policy = new PolicyLoader(Set.of()).load(dir.resolveSibling(dir.getFileName() + ".policy.yaml"));
    ThreadMXBean t = ManagementFactory.getThreadMXBean();
    double[] r = new double[rounds], h = new double[rounds];
    long bytes = 0;
    for (int i = 0; i < rounds; i++) {
      LongAdder n = new LongAdder();
      long c0 = t.getCurrentThreadCpuTime();
      ReadSummary s = LogReader.read(inputs, ReadOptions.defaults().withParallelism(1), e -> n.increment());
      r[i] = (t.getCurrentThreadCpuTime() - c0) / 1e9; bytes = s.bytes();
      HuntEngine engine = new HuntEngine(RuleCatalog.builtIn().all().stream().map(x -> CompiledRule.of(x, policy)).toList());
      c0 = t.getCurrentThreadCpuTime();
      LogReader.read(inputs, ReadOptions.defaults().withParallelism(1), engine::accept);
      int alerts = engine.finish().alerts().size();
      h[i] = (t.getCurrentThreadCpuTime() - c0) / 1e9;
      System.out.printf("round %d read %.3f hunt %.3f alerts %d%n", i, r[i], h[i], alerts);
    }
    double[] rs = Arrays.copyOfRange(r, 2, rounds), hs = Arrays.copyOfRange(h, 2, rounds);
    Arrays.sort(rs); Arrays.sort(hs);
    double mr = rs[rs.length/2], mh = hs[hs.length/2];
    System.out.printf("median read %.3f s (%.0f MB/s) hunt %.3f s (%.0f MB/s) ratio %.2f%n", mr, bytes/mr/1e6, mh, bytes/mh/1e6, mh/mr);
  }
}
