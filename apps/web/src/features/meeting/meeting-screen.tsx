// The meeting flow's screen: opens the group's kit (from the server, or the phone's copy offline), the
// working copy kept on the phone (or a saved meeting to correct, ?from=<id>), then one step at a time
// with Back and Next, every problem core's check finds, and Save, which queues it in the outbox.
import type { ErrorCode } from "@qadam/core/errors";
import { DomainError } from "@qadam/core/errors";
import { kitDraft, kitNextMeeting, kitState, type MeetingKit } from "@qadam/core/groups/meeting-kit";
import { systemIds } from "@qadam/core/ids";
import { parseAmount } from "@qadam/core/money";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearch } from "wouter";
import { AppLink } from "../../components/app-link.js";
import { ErrorNotice } from "../../components/error-notice.js";
import { ScreenHeading } from "../../components/heading.js";
import { formatDate, formatInstant, todayHere } from "../../i18n/format.js";
import { currentLocale } from "../../i18n/i18n.js";
import { outboxOf } from "../../offline/outbox.js";
import {
  deviceDb,
  KitNotOnDevice,
  type KitOnPhone,
  loadKit,
  queueMeeting,
  startSender,
} from "../../offline/runtime.js";
import { navigate } from "../../router.js";
import { useSession } from "../../session.js";
import {
  attendanceFines,
  bodyOf,
  type FlowState,
  flowFromBody,
  goTo,
  openingDate,
  redraft,
  STEPS,
  type Step,
  startFlow,
  stepAfter,
} from "./flow.js";
import { CashStep, FinesStep, LoansStep, SocialStep, SummaryStep } from "./line-steps.js";
import { AttendanceStep, RepaymentsStep, SavingsStep } from "./member-steps.js";
import { Flow, type FlowContext, StepIndicator, TotalsBar } from "./parts.js";
import { problemsByStep, problemsOf } from "./problems.js";
import { totalsOf } from "./totals.js";
import { type KitWithWaiting, kitWithWaiting } from "./waiting.js";
import { loadErrorWords, useErrorWords } from "./words.js";

type Origin = "new" | "restored" | "correcting";

interface Opened {
  serial: number;
  /** The kit with the group's meetings waiting on the phone counted in (waiting.ts). */
  loaded: KitOnPhone;
  waiting: Omit<KitWithWaiting, "kit">;
  state: FlowState;
  origin: Origin;
}

function isFlowState(value: unknown): value is FlowState {
  const v = value as FlowState | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.id === "string" &&
    typeof v.heldOn === "string" &&
    Array.isArray(v.lines) &&
    Array.isArray(v.attendance) &&
    STEPS.includes(v.step)
  );
}

/** A new working copy: the draft of the next meeting due (or today's), with an id chosen now. */
function freshFlow(kit: MeetingKit): FlowState {
  const today = todayHere();
  return startFlow(kit, systemIds.next(), openingDate(kitNextMeeting(kit, today), today));
}

let openings = 0;

/** Where the flow keeps its step in the browser's history entries. */
const STEP_KEY = "qadamMeetingStep";

function historyState(): Record<string, unknown> {
  const state: unknown = window.history.state;
  return typeof state === "object" && state !== null ? { ...(state as Record<string, unknown>) } : {};
}

function stepInHistory(state: unknown): Step | null {
  if (typeof state !== "object" || state === null) return null;
  const step = (state as Record<string, unknown>)[STEP_KEY];
  return STEPS.find((s) => s === step) ?? null;
}

async function openFlow(groupId: string, userId: string, from: string | null): Promise<Opened> {
  const serial = ++openings;
  const fetched = await loadKit(groupId, userId);
  const db = deviceDb();
  // A meeting saved here and not in the server's kit (not sent yet, or sent since): the next starts after it.
  const { kit, ...waiting } = kitWithWaiting(fetched.kit, await outboxOf(db, userId), from, todayHere());
  const loaded = { ...fetched, kit };
  const opened = (state: FlowState, origin: Origin): Opened => ({ serial, loaded, waiting, state, origin });
  if (from) {
    const row = await db.get("outbox", from);
    // Only a meeting not yet recorded is corrected here: one the server has is the books' now.
    const open = row?.state === "waiting" || row?.state === "refused";
    if (row && open && row.groupId === groupId && row.userId === userId) {
      const kept = await db.get("drafts", groupId);
      if (kept && isFlowState(kept.flow) && kept.flow.id === from) return opened(kept.flow, "correcting");
      return opened(flowFromBody(loaded.kit, row.body), "correcting");
    }
  }
  const kept = await db.get("drafts", groupId);
  if (kept && kept.userId === userId && isFlowState(kept.flow)) return opened(kept.flow, "restored");
  return opened(freshFlow(loaded.kit), "new");
}

export default function MeetingScreen() {
  const { groupId = "" } = useParams<{ groupId: string }>();
  const from = new URLSearchParams(useSearch()).get("from");
  const { me } = useSession();
  const userId = me.user.id;
  const { t } = useTranslation();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  // The outbox's sender runs while she is logged in (started once per user, wherever first): a meeting
  // saved here is sent as soon as there is a connection.
  useEffect(() => startSender(userId), [userId]);

  useEffect(() => {
    void attempt;
    let live = true;
    setFailure(null);
    openFlow(groupId, userId, from).then(
      (o) => live && setOpened(o),
      (error: unknown) => live && setFailure(error),
    );
    return () => {
      live = false;
    };
  }, [groupId, userId, from, attempt]);

  if (failure)
    return (
      <>
        <ScreenHeading>{t("meeting.record")}</ScreenHeading>
        {failure instanceof KitNotOnDevice ? (
          <p className="notice notice-error" role="alert">
            {t("meeting.notOnDevice")}
          </p>
        ) : failure instanceof DomainError ? (
          <p className="notice notice-error" role="alert">
            <ProblemWords error={failure} />
          </p>
        ) : (
          <ErrorNotice error={failure} onRetry={() => setAttempt((n) => n + 1)} />
        )}
        <p>
          <AppLink to={`/groups/${groupId}`}>{t("meeting.backToGroup")}</AppLink>
        </p>
      </>
    );
  if (!opened)
    return (
      <p className="muted" aria-busy="true">
        {t("meeting.loading")}
      </p>
    );
  // Each opening is a new flow (the same meeting reopened to correct it starts from what was saved).
  return <MeetingFlow key={opened.serial} opened={opened} userId={userId} />;
}

function MeetingFlow({ opened, userId }: { opened: Opened; userId: string }) {
  const { t, i18n } = useTranslation();
  void i18n.language;
  const { kit, fetchedAt, fromDevice } = opened.loaded;
  const [state, setState] = useState(opened.state);
  const [origin, setOrigin] = useState<Origin>(opened.origin);
  const [dateError, setDateError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const saved = useRef(false);
  const locale = currentLocale();
  const today = todayHere();
  const { waiting } = opened;

  // The working copy on the phone after every change: a reload, even offline, loses nothing.
  // (A flow only opened, unchanged, leaves nothing behind to restore.)
  useEffect(() => {
    if (saved.current || state === opened.state) return;
    void deviceDb()
      .put("drafts", { groupId: kit.groupId, userId, savedAt: new Date().toISOString(), flow: state })
      .catch(() => undefined);
  }, [state, opened.state, kit.groupId, userId]);

  const context: FlowContext = useMemo(() => {
    let rules: FlowContext["rules"] = null;
    let draft: FlowContext["draft"] = null;
    try {
      rules = kitState(kit, state.heldOn).rules;
      draft = kitDraft(kit, state.heldOn);
    } catch {
      // No rules on that date, or before the latest meeting: the check says so on the first step.
    }
    const totals = totalsOf(state, parseAmount(kit.cashBox, kit.currency).minor, kit.currency);
    const body = bodyOf(state, totals.cashAfter, kit.currency);
    return {
      kit,
      state,
      update: (change) => setState((s) => change(s)),
      problems: problemsOf(kit, body, state.lines, today),
      totals,
      names: new Map(kit.members.map((m) => [m.personId, m.name])),
      rules,
      draft,
      fines: attendanceFines(kit, state.heldOn),
    };
  }, [kit, state, today]);

  const counts = problemsByStep(context.problems);
  const step = state.step;
  const index = STEPS.indexOf(step);
  // Each step is an entry in the browser's history (same address, the step in its state), so the
  // phone's back button goes back a step instead of leaving the meeting.
  const go = (s: Step) => {
    setState((x) => goTo(x, s));
    if (stepInHistory(window.history.state) !== s)
      window.history.pushState({ ...historyState(), [STEP_KEY]: s }, "");
    window.scrollTo({ top: 0 });
  };
  const openedStep = opened.state.step;
  useEffect(() => {
    window.history.replaceState({ ...historyState(), [STEP_KEY]: openedStep }, "");
    const onPop = (event: PopStateEvent) => {
      const s = stepInHistory(event.state);
      if (s) {
        setState((x) => goTo(x, s));
        window.scrollTo({ top: 0 });
      }
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [openedStep]);

  function changeDate(date: string) {
    try {
      kitState(kit, date);
      setDateError(null);
      setState((s) => redraft(s, kit, date));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const problem = { code: error.code as ErrorCode, params: error.params };
      void loadErrorWords().then((words) => setDateError(words(locale, problem, false)));
    }
  }

  function startAgain() {
    setState((s) => ({ ...freshFlow(kit), id: s.id }));
    setOrigin("new");
    setDateError(null);
  }

  async function save() {
    if (saved.current || context.problems.length > 0) return;
    saved.current = true;
    setSaving(true);
    try {
      await queueMeeting(kit.groupId, userId, bodyOf(state, context.totals.cashAfter, kit.currency));
      await deviceDb().delete("drafts", kit.groupId);
      navigate(`/outbox/${state.id}`);
    } catch (error) {
      // The phone's storage refused it (full, or private browsing): she can try again.
      saved.current = false;
      setSaving(false);
      setSaveError(error);
    }
  }

  return (
    <Flow.Provider value={context}>
      <div className="meeting-flow">
        <p className="shg-crumbs">
          <AppLink to={`/groups/${kit.groupId}`}>{kit.name}</AppLink>
        </p>
        <ScreenHeading>{t("meeting.title", { date: formatDate(locale, state.heldOn) })}</ScreenHeading>
        {fromDevice && (
          <p className="notice meeting-from-device">
            {t("meeting.fromDevice", { at: formatInstant(locale, fetchedAt) })}
          </p>
        )}
        {waiting.uncertain ? (
          <p className="notice meeting-waiting">{t("meeting.waiting")}</p>
        ) : (
          waiting.counted > 0 && (
            <p className="notice meeting-counted">{t("meeting.counted", { count: waiting.counted })}</p>
          )
        )}
        {origin !== "new" && (
          <div className="notice meeting-restored">
            <p>{origin === "restored" ? t("meeting.restored") : t("meeting.correcting")}</p>
            {origin === "restored" && (
              <button type="button" className="button-secondary" onClick={startAgain}>
                {t("meeting.startAgain")}
              </button>
            )}
          </div>
        )}
        <StepIndicator step={step} counts={counts} onGo={go} />
        <section className="card meeting-step" aria-labelledby="meeting-step-title">
          <h2 id="meeting-step-title">
            <span className="meeting-step-of">
              {t("meeting.stepOf", { n: index + 1, total: STEPS.length })}
            </span>{" "}
            {t(`meeting.step.${step}`)}
          </h2>
          {step === "attendance" && <AttendanceStep onDate={changeDate} dateError={dateError} />}
          {step === "savings" && <SavingsStep />}
          {step === "repayments" && <RepaymentsStep />}
          {step === "loans" && <LoansStep />}
          {step === "fines" && <FinesStep />}
          {step === "social" && <SocialStep />}
          {step === "cash" && <CashStep />}
          {step === "summary" && <SummaryStep onGo={go} />}
        </section>
        {saveError !== null && <ErrorNotice error={saveError} />}
        <TotalsBar>
          {index > 0 && (
            <button type="button" className="button-secondary" onClick={() => go(stepAfter(step, -1))}>
              {t("meeting.back")}
            </button>
          )}
          {step !== "summary" ? (
            <button type="button" className="button-primary" onClick={() => go(stepAfter(step, 1))}>
              {t("meeting.next")}
            </button>
          ) : (
            <button
              type="button"
              className="button-primary"
              disabled={saving || context.problems.length > 0}
              onClick={() => void save()}
            >
              {saving ? t("meeting.saving") : t("meeting.save")}
            </button>
          )}
        </TotalsBar>
      </div>
    </Flow.Provider>
  );
}

/** A refusal in core's words, once they are loaded. */
function ProblemWords({ error }: { error: DomainError }) {
  const words = useErrorWords(true);
  return <>{words ? words(currentLocale(), error, false) : "…"}</>;
}
