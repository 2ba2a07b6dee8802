package org.gongzhi.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs requests from many threads at once, released together by a barrier, and gathers what each returned. */
public final class Concurrently {

    private Concurrently() {}

    /**
     * Prepares {@code n} tasks with {@code prepare} (sign-ins, page loads — whatever must not be part of the race),
     * then starts them all at the same moment and returns their results in task order.
     */
    public static <P, R> List<R> run(int n, IntFunction<P> prepare, Task<P, R> task) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CyclicBarrier start = new CyclicBarrier(n);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    P prepared = prepare.apply(index);
                    start.await(60, TimeUnit.SECONDS);
                    return task.run(index, prepared);
                }));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    public interface Task<P, R> {
        R run(int index, P prepared) throws Exception;
    }
}
