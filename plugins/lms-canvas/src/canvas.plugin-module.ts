import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { O2oPlugin, PluginRegistry } from '@o2o/plugin-sdk';
import { CanvasLmsPlugin } from './canvas-lms.plugin';
import { CANVAS_MANIFEST } from './canvas.manifest';

@Module({})
class CanvasPluginModule implements OnModuleInit {
  constructor(
    private readonly registry: PluginRegistry,
    private readonly canvas: CanvasLmsPlugin,
  ) {}
  onModuleInit() {
    this.registry.registerLms(this.canvas);
  }
}

/** The Canvas LMS plugin as the host lists it. */
export const CanvasPlugin: O2oPlugin = {
  manifest: CANVAS_MANIFEST,
  module: { module: CanvasPluginModule, providers: [CanvasLmsPlugin], exports: [CanvasLmsPlugin] } as DynamicModule,
};
