import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { O2oPlugin, PluginRegistry } from '@o2o/plugin-sdk';
import { MoodleLmsPlugin } from './moodle-lms.plugin';
import { MOODLE_MANIFEST } from './moodle.manifest';

@Module({})
class MoodlePluginModule implements OnModuleInit {
  constructor(
    private readonly registry: PluginRegistry,
    private readonly moodle: MoodleLmsPlugin,
  ) {}
  onModuleInit() {
    this.registry.registerLms(this.moodle);
  }
}

/** The Moodle LMS plugin as the host lists it. */
export const MoodlePlugin: O2oPlugin = {
  manifest: MOODLE_MANIFEST,
  module: { module: MoodlePluginModule, providers: [MoodleLmsPlugin], exports: [MoodleLmsPlugin] } as DynamicModule,
};
