package org.gongzhi.appeal;

/** What an import of 12345 work orders did: appeals registered, and work orders already there unchanged. */
public record WorkOrdersImported(int created, int unchanged) {}
