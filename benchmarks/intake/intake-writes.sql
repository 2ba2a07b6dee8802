-- pgbench script for benchmarks/intake.sh: the writes one appeal intake makes, as the statement log of the running
-- platform shows them (see docs/performance.md), in the same transactions: the registration (look-ups by work-order
-- number and tracking code, the appeal, its first step, the audit row on the hash chain, the event publication), the
-- event being taken up, the registration text (text_sent and its audit row) and the event completed.
\set n random(1, 2000000000)
SELECT gen_random_uuid() AS id, gen_random_uuid() AS ev, substr(md5(random()::text), 1, 12) AS code,
       md5(random()::text) || md5(random()::text) AS token \gset
BEGIN;
SELECT * FROM appeal.appeal WHERE work_order_number = 'P:n-:code';
SELECT exists (SELECT 1 FROM appeal.appeal WHERE tracking_code = ':code');
INSERT INTO appeal.appeal (id, tracking_code, token_hash, channel, type, category_code, category_version, urgency,
    content, district_id, subdistrict_id, community_id, unit_id, reporter_name, reporter_phone, phone_lookup, anonymous,
    registered_by, work_order_number, body_hash, state, registered_at, updated_at, synthetic, version)
  VALUES (':id', ':code', ':token', 'HOTLINE', 'COMPLAINT', 'E0504', 1, 'ORDINARY',
    '基准测试：二里庄小区北门外机动车长期乱停放，堵塞消防通道。', gen_random_uuid(), gen_random_uuid(), gen_random_uuid(),
    gen_random_uuid(), 'a1:' || md5(random()::text) || md5(random()::text), 'a1:' || md5(random()::text) || md5(random()::text),
    ':token', false, 'xueyuanlu.street-admin', 'P:n-:code', ':token', 'REGISTERED', now(), now(), false, 0);
INSERT INTO appeal.step (appeal_id, action, from_state, to_state, actor, actor_role, at, reason, details)
  VALUES (':id', 'REGISTER', NULL, 'REGISTERED', 'xueyuanlu.street-admin', 'STREET_ADMIN', now(), NULL,
    cast('{"channel":"HOTLINE"}' AS jsonb));
SELECT sequence, hash FROM platform.audit_head WHERE id = 1 FOR UPDATE;
INSERT INTO platform.audit_event (sequence, at, actor, role, scope, action, object_type, object_id, summary, address,
    previous_hash, hash)
  SELECT h.sequence + 1, now(), 'xueyuanlu.street-admin', 'STREET_ADMIN', 'units:1,organisations:0', 'appeal.registered',
    'appeal', ':id', '{"after":{"category":"E0504","channel":"HOTLINE","state":"REGISTERED","trackingCode":":code"}}',
    '127.0.0.1', h.hash, md5(random()::text) || md5(random()::text)
  FROM platform.audit_head h WHERE h.id = 1;
UPDATE platform.audit_head SET sequence = sequence + 1, hash = md5(random()::text) || md5(random()::text) WHERE id = 1;
INSERT INTO event_publication (id, event_type, listener_id, publication_date, serialized_event, status,
    completion_attempts, last_resubmission_date)
  VALUES (':ev', 'org.gongzhi.appeal.AppealEvent$Registered',
    'org.gongzhi.notification.ReporterTexts.on(org.gongzhi.appeal.AppealEvent$Registered)', now(),
    '{"appeal":":id","channel":"HOTLINE","type":"COMPLAINT","categoryCode":"E0504","selfHandled":false}', 'PUBLISHED',
    1, now());
COMMIT;
UPDATE event_publication SET status = 'PROCESSING' WHERE id = ':ev' AND status != 'PROCESSING';
BEGIN;
SELECT * FROM appeal.appeal WHERE id = ':id';
INSERT INTO notification.text_sent (appeal_id, kind, sent_at) VALUES (':id', 'registered', now()) ON CONFLICT DO NOTHING;
SELECT sequence, hash FROM platform.audit_head WHERE id = 1 FOR UPDATE;
INSERT INTO platform.audit_event (sequence, at, actor, role, scope, action, object_type, object_id, summary, address,
    previous_hash, hash)
  SELECT h.sequence + 1, now(), 'system', 'SYSTEM', '*', 'notification.text.sent', 'appeal', ':id',
    '{"after":{"kind":"registered"}}', NULL, h.hash, md5(random()::text) || md5(random()::text)
  FROM platform.audit_head h WHERE h.id = 1;
UPDATE platform.audit_head SET sequence = sequence + 1, hash = md5(random()::text) || md5(random()::text) WHERE id = 1;
COMMIT;
UPDATE event_publication SET status = 'COMPLETED', completion_date = now() WHERE id = ':ev';
