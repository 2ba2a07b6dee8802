package org.gongzhi.appeal;

/** The emergency lines an appeal is handed to (Art 11): the hand-off is recorded on the timeline. */
public enum EmergencyService {
    /** 110 报警. */
    POLICE_110,
    /** 119 火警. */
    FIRE_119,
    /** 120 急救. */
    AMBULANCE_120,
    /** 122 交通事故. */
    TRAFFIC_122
}
