/**
 * The send check for meeting invites (Smart Alerts OnAppointmentSend): the same rules as for a
 * message. The adapter already reads an invite as a message (required attendees as "to", optional
 * as "cc", the location as text: office/read-message.ts), so this is the message handler with one
 * difference: the button in the dialog must name the organizer form's pane control, whose id
 * differs from the message form's (ids are unique within a manifest).
 */
import { APPOINTMENT_TASKPANE_COMMAND_ID, TASKPANE_COMMAND_ID } from "../office/manifest-ids";
import type { MailboxEventLike, SmartAlertsCompletion } from "../office/office-types";
import { onMessageSend, type SendDeps, type SendOutcome } from "./on-message-send";

/** The event as the message handler sees it: completed() passes through, with the invite's commandId. */
function forAppointment(event: MailboxEventLike): MailboxEventLike {
  return {
    completed(options?: SmartAlertsCompletion) {
      if (options && options.commandId === TASKPANE_COMMAND_ID) {
        event.completed({ ...options, commandId: APPOINTMENT_TASKPANE_COMMAND_ID });
      } else {
        event.completed(options);
      }
    },
  };
}

export function onAppointmentSend(event: MailboxEventLike, deps: SendDeps): Promise<SendOutcome> {
  return onMessageSend(forAppointment(event), deps);
}
