package org.gongzhi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ErrorKind;
import org.junit.jupiter.api.Test;

/** If-Match (RFC 9110 §13.1.1): 428 without it, 412 when the version it names is stale, other refusals as they are. */
class IfMatchTests {

    @Test
    void theChangeGetsTheVersionTheHeaderNames() {
        assertThat(IfMatch.<Long>change("\"3\"", 3, "x.missing", "x.stale", v -> v))
                .isEqualTo(3L);
        assertThat(IfMatch.<Long>change("*", 7, "x.missing", "x.stale", v -> v)).isEqualTo(7L);
    }

    @Test
    void weakOrForeignTagsOnlyAre412WithoutRunningTheChange() {
        for (String header : new String[] {"W/\"3\"", "\"abc\"", "W/\"3\", \"x\""}) {
            assertThatThrownBy(() -> IfMatch.change(header, 3, "x.missing", "x.stale", v -> {
                        throw new AssertionError("ran");
                    }))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.PRECONDITION_FAILED);
                        assertThat(e.code()).isEqualTo("if-match.unknown-tag");
                    });
        }
    }

    @Test
    void aMissingHeaderIs428AndTheChangeDoesNotRun() {
        assertThatThrownBy(() -> IfMatch.change(null, 3, "x.missing", "x.stale", v -> {
                    throw new AssertionError("ran");
                }))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.PRECONDITION_REQUIRED);
                    assertThat(e.code()).isEqualTo("x.missing");
                });
    }

    @Test
    void aHeaderThatIsNoEntityTagIs400SayingSo() {
        assertThatThrownBy(() -> IfMatch.change("garbage", 3, "x.missing", "x.stale", v -> v))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID);
                    assertThat(e.code()).isEqualTo("if-match.malformed");
                });
    }

    @Test
    void theStaleConflictBecomes412AndOtherRefusalsPassThrough() {
        assertThatThrownBy(() -> IfMatch.change("\"2\"", 3, "x.missing", "x.stale", v -> {
                    throw DomainException.conflict("x.stale", v, 3);
                }))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PRECONDITION_FAILED));
        assertThatThrownBy(() -> IfMatch.change("\"3\"", 3, "x.missing", "x.stale", v -> {
                    throw DomainException.conflict("x.transition.not-allowed");
                }))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
    }
}
