export * from "./article.js";
export * from "./classification.js";
export * from "./dedupe.js";
export * from "./taxonomy.js";
