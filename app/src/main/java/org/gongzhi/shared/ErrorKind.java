package org.gongzhi.shared;

/** What went wrong, in terms the web edge maps to an HTTP status. */
public enum ErrorKind {
    /** The input breaks a rule; nothing was changed (HTTP 400). */
    INVALID,
    /** The input is well-formed but cannot be processed as a whole, e.g. a file with bad rows (HTTP 422). */
    UNPROCESSABLE,
    /** The caller may not do this to this object: it lies outside their data scope (HTTP 403). */
    FORBIDDEN,
    /** The object does not exist, or the caller may not know it exists (HTTP 404). */
    NOT_FOUND,
    /** The object changed under the caller, or the request clashes with its current state (HTTP 409). */
    CONFLICT,
    /** The version the caller named in If-Match is no longer current (HTTP 412, RFC 9110 §13.1.1). */
    PRECONDITION_FAILED,
    /** A change that must name the version it read in If-Match did not (HTTP 428, RFC 6585 §3). */
    PRECONDITION_REQUIRED
}
