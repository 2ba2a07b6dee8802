package org.gongzhi.listing.web;

import java.util.UUID;

/** An expert of the 街道's think tank to ask onto a need or project, with what they are asked to do (≤ 200 chars). */
record ExpertAsk(UUID expertId, String note) {}
