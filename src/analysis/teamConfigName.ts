/** The team config file's name and size limit: all the editor needs to find it before the core loads. */
export const CONFIG_FILE_NAME = '.pattern-analyst.jsonc';
/** A config larger than this is refused (it is a few lines by nature). */
export const MAX_CONFIG_BYTES = 256 * 1024;
