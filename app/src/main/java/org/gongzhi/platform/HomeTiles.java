package org.gongzhi.platform;

import java.util.List;

/**
 * Implemented by a module that has figures to show: on the public home page (for {@link AccessScope#platform()}, the
 * whole installation) and on a staff member's workbench (for their own scope).
 */
public interface HomeTiles {

    /** The module's figures counted within {@code scope}'s units and everything below them. */
    List<HomeTile> tiles(AccessScope scope);
}
