package org.gongzhi.dispatch;

/** Why a 街道 or 社区 blows the whistle (DOMAIN.md §4, 吹哨报到; seed 004): the three cases. */
public enum WhistleCase {
    /** A strong demand the street cannot meet alone: 停车场, 老旧小区改造, 加装电梯. */
    COMPLEX_DEMAND,
    /** Joint enforcement: 拆违, 背街小巷治理. */
    JOINT_ENFORCEMENT,
    /** Emergency: 管道爆裂, 路面塌陷, 停水停电. */
    EMERGENCY
}
