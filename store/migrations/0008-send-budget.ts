import { sql, type Kysely } from 'kysely';
import { executeScript } from './execute-script.js';

/**
 * Teams' send limits counted across instances (store/postgres-send-budget.ts): one row per
 * request and limited key. `completed_at` is null while the request is in flight; an in-flight
 * row whose `lease_until` has passed (its instance died) counts as completed then. `forget_at` is
 * when the row can no longer fall in any of its key's windows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table send_budget_slots (
      id bigint generated always as identity primary key,
      budget_key text not null,
      acquired_at timestamptz not null,
      completed_at timestamptz,
      lease_until timestamptz not null,
      forget_at timestamptz not null
    );
    create index send_budget_slots_key on send_budget_slots (budget_key);
    create index send_budget_slots_forget_at on send_budget_slots (forget_at);
  `,
  );
  // One statement, not split by executeScript: the function body has statements of its own.
  await sql.raw(ACQUIRE_FUNCTION).execute(db);
}

/**
 * One round trip per attempt: lock the keys, count each window by the database's clock, then
 * either take a slot under every key (`slot_ids`) or say how long to wait (`wait_ms`) and for which
 * key (`blocked_by`, 1-based). A slot in flight counts as "now", so when a window is full of them
 * the wait is `poll_ms`. Each statement of a PL/pgSQL function sees what committed before it, so
 * the counts include the slot the previous holder of the lock just took.
 */
const ACQUIRE_FUNCTION = `
create function send_budget_acquire(
  keys text[],
  window_keys integer[],
  window_max integer[],
  window_span_ms double precision[],
  lease_ms double precision,
  poll_ms double precision,
  out slot_ids bigint[],
  out wait_ms double precision,
  out blocked_by integer
) language plpgsql as $body$
declare
  lock_key bigint;
  now_at timestamptz;
  w integer;
  span interval;
  in_window bigint;
  leaving timestamptz;
  window_wait double precision;
begin
  -- Keys are locked in one order, so two acquirers of overlapping keys cannot deadlock.
  for lock_key in select distinct hashtextextended(key, 0) from unnest(keys) as key order by 1 loop
    perform pg_advisory_xact_lock(lock_key);
  end loop;
  now_at := clock_timestamp();
  wait_ms := 0;
  for w in 1 .. coalesce(array_length(window_max, 1), 0) loop
    span := window_span_ms[w] * interval '1 millisecond';
    select count(*), (array_agg(counted_at order by counted_at desc))[window_max[w]]
      into in_window, leaving
      from (
        select coalesce(completed_at, case when lease_until <= now_at then lease_until else 'infinity'::timestamptz end) as counted_at
          from send_budget_slots
         where budget_key = keys[window_keys[w]]
      ) as slot
     where counted_at > now_at - span;
    if in_window >= window_max[w] then
      window_wait := case when leaving = 'infinity'::timestamptz then poll_ms
                          else greatest(extract(epoch from leaving + span - now_at) * 1000, 1) end;
      if window_wait > wait_ms then
        wait_ms := window_wait;
        blocked_by := window_keys[w];
      end if;
    end if;
  end loop;
  if wait_ms > 0 then
    return;
  end if;
  with taken as (
    insert into send_budget_slots (budget_key, acquired_at, lease_until, forget_at)
    select key, now_at, now_at + lease_ms * interval '1 millisecond',
           now_at + (lease_ms + coalesce((select max(window_span_ms[i]) from generate_subscripts(window_keys, 1) as i where window_keys[i] = key_index), 0)) * interval '1 millisecond'
      from unnest(keys) with ordinality as limited(key, key_index)
    returning id
  )
  select array_agg(id) into slot_ids from taken;
  -- One pruner at a time, so two deleting the same old rows cannot deadlock.
  if pg_try_advisory_xact_lock(hashtextextended('send_budget_slots:prune', 0)) then
    delete from send_budget_slots where forget_at < now_at;
  end if;
end
$body$`;
