-- Session cache invalidation (server/modules/auth/session-cache.ts): every app instance keeps
-- recent session lookups in memory and LISTENs on `tt_auth`. Whatever changes a user (role, area,
-- activity, password …) or ends a live session — the app, or an operator with psql — NOTIFYs the
-- user's id, delivered at commit to every instance, which then drops that user's entries.
CREATE OR REPLACE FUNCTION tt_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('tt_auth', OLD.id::text);
  ELSE
    PERFORM pg_notify('tt_auth', OLD.user_id::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Sign-in bookkeeping (last sign-in, failure count, lock) changes no session's rights.
CREATE TRIGGER users_auth_changed AFTER UPDATE ON users
  FOR EACH ROW WHEN (to_jsonb(OLD) - ARRAY['last_login_at', 'failed_logins', 'locked_until', 'updated_at']
    IS DISTINCT FROM to_jsonb(NEW) - ARRAY['last_login_at', 'failed_logins', 'locked_until', 'updated_at'])
  EXECUTE FUNCTION tt_auth_changed();
--> statement-breakpoint
CREATE TRIGGER users_auth_deleted AFTER DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION tt_auth_changed();
--> statement-breakpoint
CREATE TRIGGER sessions_auth_revoked AFTER UPDATE OF revoked_at, expires_at, idle_expires_at, user_id ON sessions
  FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND (NEW.revoked_at IS NOT NULL
    OR NEW.expires_at < OLD.expires_at OR NEW.idle_expires_at < OLD.idle_expires_at
    OR NEW.user_id <> OLD.user_id))
  EXECUTE FUNCTION tt_auth_changed();
--> statement-breakpoint
CREATE TRIGGER sessions_auth_deleted AFTER DELETE ON sessions
  FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND OLD.expires_at > now())
  EXECUTE FUNCTION tt_auth_changed();
