package org.patientgen.engine.generate;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands items produced out of order by worker threads to one consumer in index order, holding
 * at most {@code window} items: a producer ahead of the consumer by the window blocks. This is
 * what keeps output byte-identical for any thread count while memory stays bounded.
 *
 * <p>All fields are guarded by {@code lock}.
 */
final class ReorderBuffer<T> {
    private final Object[] slots;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition slotFreed = lock.newCondition();
    private final Condition nextArrived = lock.newCondition();
    private long next;

    ReorderBuffer(int window) {
        this.slots = new Object[window];
    }

    /** Blocks until {@code index} is within the window of the consumer, then stores the item. */
    void put(long index, T item) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (index >= next + slots.length) {
                slotFreed.await();
            }
            slots[(int) (index % slots.length)] = item;
            if (index == next) {
                nextArrived.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until the item with the next index arrives, and returns it. */
    @SuppressWarnings("unchecked")
    T take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            int slot = (int) (next % slots.length);
            while (slots[slot] == null) {
                nextArrived.await();
            }
            T item = (T) slots[slot];
            slots[slot] = null;
            next++;
            slotFreed.signalAll();
            return item;
        } finally {
            lock.unlock();
        }
    }
}
