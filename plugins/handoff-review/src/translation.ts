import { DEFAULT_ITEM_TITLES } from '@diehard/plugin-handoff-review-common';
import {
  createTranslationRef,
  createTranslationResource,
} from '@backstage/frontend-plugin-api';

/**
 * Every string the handoff review plugin shows, in English.
 *
 * @public
 */
export const handoffReviewTranslationRef = createTranslationRef({
  id: 'handoff-review',
  messages: {
    title: 'Handoff review',
    postureCard: {
      label: 'Handoff review',
      none: 'None yet',
      open: 'Open: {{done}} of {{total}} items done',
      approved: 'Signed off by Dev and Ops',
      stale: 'Stale: {{reasons}}',
      staleDegraded: 'the posture fell from {{signed}} to {{current}}',
      staleWaiver_one: '{{count}} waiver expired',
      staleWaiver_other: '{{count}} waivers expired',
      noGrade: 'No grade',
      link: 'Open the handoff review',
      failed: 'Could not read the handoff review: {{message}}',
    },
    loadFailed: 'Could not load the handoff reviews: {{message}}',
    retry: 'Retry',
    status: {
      open: 'Open',
      approved: 'Approved',
      stale: 'Stale',
    },
    state: {
      passed: 'Passed',
      failed: 'Failed',
      open: 'Open',
      waived: 'Waived',
    },
    side: {
      dev: 'Dev side',
      ops: 'Ops side',
      devName: 'Dev',
      opsName: 'Ops',
      group: 'Signed by a member of {{group}}',
    },
    grade: {
      value: 'grade {{grade}}',
      none: 'no grade',
      unknown: 'unknown',
      details: '{{grade}} (critical: {{critical}}, warnings: {{warning}})',
    },
    content: {
      tabTitle: 'Handoff review',
      none: 'No handoff review yet for this entity. Open one when the service is about to go to production: Dev and Ops then agree, item by item, that it survives machine failures.',
      open: 'Open a handoff review',
      opening: 'Opening…',
      openFailed: 'Could not open the review: {{message}}',
      openRefused:
        'The permission policy does not let you open a handoff review on this entity.',
      openNoOwner:
        'Could not open the review: this entity has no owner in the catalog, and its owner group is the one that signs off for Dev. Give it an owner, then open the review.',
      readRefused:
        'the permission policy does not let you read the handoff reviews of this entity',
      openedBy: 'Opened by {{user}} on {{when}}',
      version: 'Version {{version}}',
      postureWhenOpened: 'Posture when opened',
      postureNow: 'Posture now',
      staleExplanation:
        'Approved, but no longer holds: the posture has degraded below what was signed, or a waiver has expired.',
      reload: 'Reload',
    },
    item: {
      automatic: 'Checked by the posture engine',
      manual: 'Answered by the team',
      evidence: {
        pass: 'The posture engine finds nothing wrong.',
        fail: 'The posture engine finds a problem.',
        unknown: 'The posture engine had nothing to evaluate.',
      },
      checked: 'Judged: {{objects}}',
      checkedNone: 'Nothing of this kind around the pods to judge.',
      findings: 'Findings',
      finding: '{{severity}}: {{message}}',
      answeredDone: 'Marked done by {{user}} on {{when}}',
      answeredNotDone: 'Marked not done by {{user}} on {{when}}',
      waiver: 'Waived by {{user}} until {{expiresOn}}: {{reason}}',
      waiverExpired: 'Waiver by {{user}} expired on {{expiresOn}}: {{reason}}',
      markDone: 'Mark done',
      markNotDone: 'Mark not done',
      comment: 'Comment',
      commentLabel: 'Your comment',
      postComment: 'Post comment',
      cancel: 'Cancel',
      waive: 'Waive',
      comments: 'Comments',
      commentBy: '{{user}}, {{when}}',
    },
    severity: {
      critical: 'critical',
      warning: 'warning',
      info: 'info',
    },
    // English titles of the default checklist, as the backend writes them.
    itemTitle: DEFAULT_ITEM_TITLES,
    waive: {
      title: 'Waive “{{item}}”',
      explanation:
        'A waiver accepts the risk until a date. The item counts as done until then, and the review turns stale when the waiver expires.',
      reason: 'Reason',
      expiresOn: 'Expires on',
      expiresOnHelp: 'A date after today',
      submit: 'Waive',
      cancel: 'Cancel',
    },
    signOff: {
      button: 'Sign off for {{side}}',
      signed: 'Signed off by {{user}} on {{when}}, at {{grade}}',
      notSigned: 'Not signed off yet',
      blockedHere_one:
        '{{count}} item here is open or failing: answer or waive it before signing off.',
      blockedHere_other:
        '{{count}} items here are open or failing: answer or waive them before signing off.',
      blockedOther_one:
        '{{count}} item on the {{side}} side is open or failing: each side signs off the whole review, once every item is answered or waived.',
      blockedOther_other:
        '{{count}} items on the {{side}} side are open or failing: each side signs off the whole review, once every item is answered or waived.',
      blockedBoth_one:
        '{{count}} item here and {{other}} on the {{side}} side are open or failing: each side signs off the whole review, once every item is answered or waived.',
      blockedBoth_other:
        '{{count}} items here and {{other}} on the {{side}} side are open or failing: each side signs off the whole review, once every item is answered or waived.',
    },
    access: {
      signOffNotMember: '{{side}} sign-off: a member of {{group}} signs here',
      signOffPolicy:
        '{{side}} sign-off: the permission policy does not let you sign off here',
      answerNotMember: '{{side}} items: a member of {{group}} answers them',
      answerPolicy:
        '{{side}} items: the permission policy does not let you answer them',
      waivePolicy:
        'Waivers: the permission policy does not let you waive items of this entity',
      commentPolicy:
        'Comments: the permission policy does not let you comment on this review',
    },
    change: {
      conflict:
        'Your change was not applied: the review is no longer as shown here (someone changed it, or a waiver ran out). It has been reloaded; check it and try again if your change still makes sense.',
      failed: 'Your change was refused: {{message}}',
      notMember:
        'Your change was refused: it is for the {{side}} side, and you are not a member of {{group}}.',
      policyAnswer:
        'Your change was refused: the permission policy does not let you answer or comment on the items of this review.',
      policyWaive:
        'Your change was refused: the permission policy does not let you waive items of this entity.',
      policySignOff:
        'Your change was refused: the permission policy does not let you sign off this review.',
      unknownItem:
        'Your change was refused: this review has no item “{{item}}”. Reload it to see its items as they are.',
      itemCheckedByEngine:
        'Your change was refused: “{{item}}” is checked by the posture engine, so it cannot be marked done or not done. Comment on it or waive it instead.',
      commentNotVisible:
        'Your change was refused: the comment has no visible text, only spaces or invisible characters.',
      waiverReasonNotVisible:
        'Your change was refused: the reason for the waiver has no visible text, only spaces or invisible characters.',
      commentTooLong:
        'Your change was refused: the comment is {{length}} characters long, and a comment has at most {{max}}.',
      waiverReasonTooLong:
        'Your change was refused: the reason for the waiver is {{length}} characters long, and a reason has at most {{max}}.',
      waiverDateInvalid:
        'Your change was refused: the expiry date of the waiver is not a real date.',
      waiverDateNotAfterToday:
        'Your change was refused: a waiver must expire after today.',
      waiverDateTooLate:
        'Your change was refused: a waiver lasts at most {{maxDays}} days, so it must expire on {{latest}} at the latest.',
      dismiss: 'Dismiss',
    },
    export: {
      download: 'Export as Markdown',
      copy: 'Copy as Markdown',
      copied: 'Markdown copied to the clipboard.',
      failed: 'Could not export the review: {{message}}',
    },
    history: {
      title: 'History',
      empty: 'No change yet.',
      when: 'When',
      who: 'Who',
      what: 'What',
      open: 'Opened the review at {{grade}}',
      answerDone: 'Marked “{{item}}” done',
      answerNotDone: 'Marked “{{item}}” not done',
      comment: 'Commented on “{{item}}”: {{text}}',
      waive: 'Waived “{{item}}” until {{expiresOn}}: {{reason}}',
      signOff: 'Signed off for {{side}} at {{grade}}',
      signOffsCleared:
        'Sign-offs withdrawn: the review changed after they were given.',
      other: '{{action}}',
      failed: 'Could not load the history: {{message}}',
    },
    page: {
      title: 'Handoff reviews',
      subtitle:
        'Reviews that wait for Ops, and approved reviews that no longer hold',
      entity: 'Entity',
      status: 'Status',
      openedBy: 'Opened by',
      openedAt: 'Opened',
      remaining: 'Open or failing items',
      signOffs: 'Signed off',
      filterText: 'Filter by entity',
      filterStatus: 'Status',
      all: 'Open and stale',
      empty: 'No review matches.',
      none: 'Nobody',
    },
  },
});

/**
 * The plugin's translations other than English, for the app to register (the French
 * messages load only when a user picks French).
 *
 * @public
 */
export const handoffReviewTranslations = createTranslationResource({
  ref: handoffReviewTranslationRef,
  translations: {
    fr: () => import('./translations/fr'),
  },
});
