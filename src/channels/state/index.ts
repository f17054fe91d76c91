/** State shared by the chat channels: the store (memory or Redis) and per-chat conversations. */
export { CONVERSATION_TTL_MS, Conversations } from "./conversations.js";
export { MemoryStore, type MemoryStoreOptions } from "./memory.js";
export type { StateStore } from "./store.js";
