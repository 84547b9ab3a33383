/** The plugin SDK's own version; plugins declare the range they were built for in their manifest. */
export const PLUGIN_SDK_VERSION = '1.0.0';
