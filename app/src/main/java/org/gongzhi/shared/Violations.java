package org.gongzhi.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every violation of a request before refusing it, so that the caller learns all that is wrong at once
 * instead of one problem per attempt.
 */
public final class Violations {

    private final List<Violation> list = new ArrayList<>();

    public Violations add(String location, String code, Object... args) {
        list.add(Violation.of(location, code, args));
        return this;
    }

    public Violations addAll(List<Violation> more) {
        list.addAll(more);
        return this;
    }

    public int size() {
        return list.size();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<Violation> list() {
        return List.copyOf(list);
    }

    /** Throws {@link ErrorKind#INVALID} with every collected violation, if there is any. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw DomainException.invalid(list);
        }
    }

    /** Throws {@link ErrorKind#UNPROCESSABLE} for a file or batch that had bad parts; nothing of it is kept. */
    public void throwIfAnyInBatch(String code) {
        if (!list.isEmpty()) {
            throw new DomainException(ErrorKind.UNPROCESSABLE, code, List.of(list.size()), list);
        }
    }
}
