package org.gongzhi.platform;

import java.util.List;

/** Implemented by a module that has figures to show on the home page. */
public interface HomeTiles {

    List<HomeTile> tiles();
}
