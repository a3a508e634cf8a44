/**
 * Names shared by manifest.xml and the code. The manifest cannot import them, so
 * scripts/validate-manifest.ts checks that the two agree: a rename on one side fails `npm test`.
 */

/** The `id` of the compose task pane button: the Smart Alerts `commandId` that opens the pane. */
export const TASKPANE_COMMAND_ID = "postvagtOpenPane";

/** The same button on the meeting organizer's form (control ids are unique within a manifest). */
export const APPOINTMENT_TASKPANE_COMMAND_ID = "postvagtOpenPaneAppointment";

/** `FunctionName`s of the manifest's LaunchEvents, registered with Office.actions.associate. */
export const HANDLER_NAMES = {
  send: "onMessageSendHandler",
  recipientsChanged: "onMessageRecipientsChangedHandler",
  attachmentsChanged: "onMessageAttachmentsChangedHandler",
  appointmentSend: "onAppointmentSendHandler",
} as const;

/**
 * The Mailbox set VersionOverrides requires: the lowest with OnMessageSend. Everything newer is
 * feature-detected (capabilities.ts).
 */
export const MIN_MAILBOX_SET = "1.12";
