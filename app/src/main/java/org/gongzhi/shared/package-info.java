/**
 * 共享内核: domain errors, code validators (统一社会信用代码 …) and masking shared by every module. It depends on no
 * other module and holds no state.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared kernel",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.gongzhi.shared;
