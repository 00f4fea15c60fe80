-- Printable reports remember who is in them and where they were asked for:
--   student_ids: the students the finished file holds, so a download re-checks that the owner may
--                still see every one of them (a role or group taken away after the report was made)
--                and the download's audit rows name them;
--   request_ip:  the address of the request that created the report, for the audit rows the
--                background job writes ("from where"; null in the CERS Sandbox).
alter table reports add column student_ids integer[];
alter table reports add column request_ip text;
