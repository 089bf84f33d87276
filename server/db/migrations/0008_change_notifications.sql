-- Every change to what a contract's pages show is announced on the channel
-- "cles_changes" as "<table>:<contract id>" ("<table>:*" when it concerns every
-- contract or its contract is no longer found), in the transaction that makes it:
-- PostgreSQL delivers it at commit, to every process that listens, and never for a
-- rolled-back change. The read views (server/cache/read-views.ts) are kept by it.
-- Sign-in tables (sessions, accounts, verifications, sign_in_failures) and
-- preferences are not announced: no read view shows them.
CREATE OR REPLACE FUNCTION cles_contract_of(kind text, r jsonb) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
  cid text;
BEGIN
  CASE kind
    WHEN 'self' THEN cid := r->>'id';
    WHEN 'contract' THEN cid := r->>'contract_id';
    WHEN 'action' THEN SELECT contract_id::text INTO cid FROM actions WHERE id = (r->>'action_id')::uuid;
    WHEN 'axis' THEN SELECT contract_id::text INTO cid FROM axes WHERE id = (r->>'axis_id')::uuid;
    WHEN 'body' THEN SELECT contract_id::text INTO cid FROM governance_bodies WHERE id = (r->>'body_id')::uuid;
    WHEN 'meeting' THEN SELECT contract_id::text INTO cid FROM meetings WHERE id = (r->>'meeting_id')::uuid;
    WHEN 'evaluation' THEN SELECT contract_id::text INTO cid FROM evaluations WHERE id = (r->>'evaluation_id')::uuid;
    ELSE cid := NULL;
  END CASE;
  RETURN cid;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cles_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  new_contract text;
  old_contract text;
BEGIN
  IF TG_OP <> 'DELETE' THEN
    new_contract := coalesce(cles_contract_of(TG_ARGV[0], to_jsonb(NEW)), '*');
    PERFORM pg_notify('cles_changes', TG_TABLE_NAME || ':' || new_contract);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    old_contract := coalesce(cles_contract_of(TG_ARGV[0], to_jsonb(OLD)), '*');
    IF old_contract IS DISTINCT FROM new_contract THEN
      PERFORM pg_notify('cles_changes', TG_TABLE_NAME || ':' || old_contract);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cles_notify_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('cles_changes', TG_TABLE_NAME || ':*');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "contracts_changes" AFTER INSERT OR UPDATE OR DELETE ON "contracts" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('self');
--> statement-breakpoint
CREATE TRIGGER "contracts_truncated" AFTER TRUNCATE ON "contracts" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "actions_changes" AFTER INSERT OR UPDATE OR DELETE ON "actions" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "actions_truncated" AFTER TRUNCATE ON "actions" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "attachments_changes" AFTER INSERT OR UPDATE OR DELETE ON "attachments" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "attachments_truncated" AFTER TRUNCATE ON "attachments" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "audit_entries_changes" AFTER INSERT OR UPDATE OR DELETE ON "audit_entries" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "audit_entries_truncated" AFTER TRUNCATE ON "audit_entries" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "axes_changes" AFTER INSERT OR UPDATE OR DELETE ON "axes" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "axes_truncated" AFTER TRUNCATE ON "axes" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "calendar_feeds_changes" AFTER INSERT OR UPDATE OR DELETE ON "calendar_feeds" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "calendar_feeds_truncated" AFTER TRUNCATE ON "calendar_feeds" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "comments_changes" AFTER INSERT OR UPDATE OR DELETE ON "comments" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "comments_truncated" AFTER TRUNCATE ON "comments" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "communes_changes" AFTER INSERT OR UPDATE OR DELETE ON "communes" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "communes_truncated" AFTER TRUNCATE ON "communes" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "follow_up_items_changes" AFTER INSERT OR UPDATE OR DELETE ON "follow_up_items" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "follow_up_items_truncated" AFTER TRUNCATE ON "follow_up_items" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "governance_bodies_changes" AFTER INSERT OR UPDATE OR DELETE ON "governance_bodies" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "governance_bodies_truncated" AFTER TRUNCATE ON "governance_bodies" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "invitations_changes" AFTER INSERT OR UPDATE OR DELETE ON "invitations" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "invitations_truncated" AFTER TRUNCATE ON "invitations" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "meetings_changes" AFTER INSERT OR UPDATE OR DELETE ON "meetings" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "meetings_truncated" AFTER TRUNCATE ON "meetings" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "memberships_changes" AFTER INSERT OR UPDATE OR DELETE ON "memberships" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "memberships_truncated" AFTER TRUNCATE ON "memberships" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "organisations_changes" AFTER INSERT OR UPDATE OR DELETE ON "organisations" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "organisations_truncated" AFTER TRUNCATE ON "organisations" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "priority_areas_changes" AFTER INSERT OR UPDATE OR DELETE ON "priority_areas" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "priority_areas_truncated" AFTER TRUNCATE ON "priority_areas" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "quarterly_reviews_changes" AFTER INSERT OR UPDATE OR DELETE ON "quarterly_reviews" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "quarterly_reviews_truncated" AFTER TRUNCATE ON "quarterly_reviews" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "review_publications_changes" AFTER INSERT OR UPDATE OR DELETE ON "review_publications" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "review_publications_truncated" AFTER TRUNCATE ON "review_publications" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "review_reminders_changes" AFTER INSERT OR UPDATE OR DELETE ON "review_reminders" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "review_reminders_truncated" AFTER TRUNCATE ON "review_reminders" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "review_settings_changes" AFTER INSERT OR UPDATE OR DELETE ON "review_settings" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "review_settings_truncated" AFTER TRUNCATE ON "review_settings" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "signatories_changes" AFTER INSERT OR UPDATE OR DELETE ON "signatories" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "signatories_truncated" AFTER TRUNCATE ON "signatories" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "evaluations_changes" AFTER INSERT OR UPDATE OR DELETE ON "evaluations" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "evaluations_truncated" AFTER TRUNCATE ON "evaluations" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "action_partners_changes" AFTER INSERT OR UPDATE OR DELETE ON "action_partners" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('action');
--> statement-breakpoint
CREATE TRIGGER "action_partners_truncated" AFTER TRUNCATE ON "action_partners" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "adjustments_changes" AFTER INSERT OR UPDATE OR DELETE ON "adjustments" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('action');
--> statement-breakpoint
CREATE TRIGGER "adjustments_truncated" AFTER TRUNCATE ON "adjustments" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "indicator_measurements_changes" AFTER INSERT OR UPDATE OR DELETE ON "indicator_measurements" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('action');
--> statement-breakpoint
CREATE TRIGGER "indicator_measurements_truncated" AFTER TRUNCATE ON "indicator_measurements" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "indicators_changes" AFTER INSERT OR UPDATE OR DELETE ON "indicators" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('action');
--> statement-breakpoint
CREATE TRIGGER "indicators_truncated" AFTER TRUNCATE ON "indicators" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "milestones_changes" AFTER INSERT OR UPDATE OR DELETE ON "milestones" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('action');
--> statement-breakpoint
CREATE TRIGGER "milestones_truncated" AFTER TRUNCATE ON "milestones" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "progress_entries_changes" AFTER INSERT OR UPDATE OR DELETE ON "progress_entries" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('action');
--> statement-breakpoint
CREATE TRIGGER "progress_entries_truncated" AFTER TRUNCATE ON "progress_entries" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "remaining_items_changes" AFTER INSERT OR UPDATE OR DELETE ON "remaining_items" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('action');
--> statement-breakpoint
CREATE TRIGGER "remaining_items_truncated" AFTER TRUNCATE ON "remaining_items" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "membership_actions_changes" AFTER INSERT OR UPDATE OR DELETE ON "membership_actions" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('action');
--> statement-breakpoint
CREATE TRIGGER "membership_actions_truncated" AFTER TRUNCATE ON "membership_actions" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "objectives_changes" AFTER INSERT OR UPDATE OR DELETE ON "objectives" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('axis');
--> statement-breakpoint
CREATE TRIGGER "objectives_truncated" AFTER TRUNCATE ON "objectives" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "body_members_changes" AFTER INSERT OR UPDATE OR DELETE ON "body_members" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('body');
--> statement-breakpoint
CREATE TRIGGER "body_members_truncated" AFTER TRUNCATE ON "body_members" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "meeting_participants_changes" AFTER INSERT OR UPDATE OR DELETE ON "meeting_participants" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('meeting');
--> statement-breakpoint
CREATE TRIGGER "meeting_participants_truncated" AFTER TRUNCATE ON "meeting_participants" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "evaluation_responses_changes" AFTER INSERT OR UPDATE OR DELETE ON "evaluation_responses" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('evaluation');
--> statement-breakpoint
CREATE TRIGGER "evaluation_responses_truncated" AFTER TRUNCATE ON "evaluation_responses" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "users_changes" AFTER INSERT OR UPDATE OR DELETE ON "users" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('all');
--> statement-breakpoint
CREATE TRIGGER "users_truncated" AFTER TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "ars_scopes_changes" AFTER INSERT OR UPDATE OR DELETE ON "ars_scopes" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('all');
--> statement-breakpoint
CREATE TRIGGER "ars_scopes_truncated" AFTER TRUNCATE ON "ars_scopes" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "instance_settings_changes" AFTER INSERT OR UPDATE OR DELETE ON "instance_settings" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('all');
--> statement-breakpoint
CREATE TRIGGER "instance_settings_truncated" AFTER TRUNCATE ON "instance_settings" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
