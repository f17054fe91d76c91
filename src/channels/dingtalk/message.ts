/**
 * A robot message as DingTalk's Stream mode delivers it (the CALLBACK frame's `data`, topic
 * /v1.0/im/bot/messages/get), validated with zod, and what the bot reads from it: one-to-one or
 * group, whether the robot was @-mentioned, the question without the mention.
 */
import { z } from "zod";

/** The fields the bot uses; others are kept but not required. */
export const RobotMessage = z
  .object({
    conversationId: z.string().min(1),
    /** "1" one-to-one, "2" group. */
    conversationType: z.enum(["1", "2"]),
    conversationTitle: z.string().optional(),
    msgId: z.string().min(1),
    msgtype: z.string(),
    text: z.object({ content: z.string() }).optional(),
    senderId: z.string().min(1),
    senderStaffId: z.string().optional(),
    senderNick: z.string().optional(),
    /** In a group: whether the robot is among the @-mentioned. */
    isInAtList: z.boolean().optional(),
    /** Where replies to this message go, and how long that address holds (its expiry, epoch ms). */
    sessionWebhook: z.url(),
    sessionWebhookExpiredTime: z.number(),
    robotCode: z.string().optional(),
  })
  .loose();
export type RobotMessage = z.infer<typeof RobotMessage>;

/** Whether the message comes from a group chat. */
export function isGroup(m: RobotMessage): boolean {
  return m.conversationType === "2";
}

/** Whether the bot should read the message: always one-to-one, in groups only when @-mentioned. */
export function addressed(m: RobotMessage): boolean {
  return !isGroup(m) || m.isInAtList === true;
}

/** Who asked: the staff id when the platform gives it, else the sender's id. */
export function senderOf(m: RobotMessage): string {
  return m.senderStaffId || m.senderId;
}

/**
 * The question in a text message: the platform removes the robot's @name, but copies and pasted
 * text may still carry it (and leading @-mentions of others); both go, as do invisible characters.
 */
export function questionOf(m: RobotMessage, botName: string | null): string {
  let text = (m.text?.content ?? "").replace(/[\u200b-\u200f\u2060\ufeff]/g, "");
  if (botName) text = text.split(`@${botName}`).join(" ");
  return text
    .replace(/^(\s*@\S+)+\s+/u, "")
    .replace(/\s+/g, " ")
    .trim();
}
