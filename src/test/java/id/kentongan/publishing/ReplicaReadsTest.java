package id.kentongan.publishing;

import id.kentongan.Instances;
import id.kentongan.LocalRedis;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On the cluster, every instance's poll of the menu versions reads from the replicas (a value a moment old is
 * harmless there), leaving the masters to the sessions: the replicas' read counters move while an instance runs.
 */
@Tag("redis")
class ReplicaReadsTest {

    @Test
    void theMenuPollReadsFromTheReplicas() throws Exception {
        assumeTrue(Instances.REDIS.startsWith("redis-cluster://127.0.0.1:7000"), "the local cluster only");
        List<Integer> replicas = Arrays.stream(LocalRedis.cli(7000, "cluster", "nodes").split("\n"))
                .filter(l -> l.contains("slave") && !l.contains("fail"))
                .map(l -> Integer.parseInt(l.split(" ")[1].replaceAll(".*:(\\d+)@.*", "$1"))).toList();
        assertTrue(replicas.size() >= 3, "replicas: " + replicas);
        long before = reads(replicas);
        try (Instances instances = new Instances()) {
            instances.start(Instances.withRedis().withMenuPoll(Duration.ofMillis(100)));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (reads(replicas) - before < 20 && System.nanoTime() < deadline) Thread.sleep(100);
        }
        long after = reads(replicas);
        assertTrue(after - before >= 20, "reads served by the replicas while one instance polled every 100 ms: " + (after - before));
    }

    /** GET and SMEMBERS calls the replicas served (the poll's two reads). */
    private static long reads(List<Integer> ports) {
        long n = 0;
        for (int port : ports) {
            for (String line : LocalRedis.cli(port, "info", "commandstats").split("\n")) {
                if (line.startsWith("cmdstat_get:") || line.startsWith("cmdstat_smembers:")) {
                    n += Long.parseLong(line.replaceAll("^[^:]+:calls=(\\d+),.*$", "$1").strip());
                }
            }
        }
        return n;
    }
}
