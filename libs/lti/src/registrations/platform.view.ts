import { ApiProperty } from '@nestjs/swagger';
import type { RegistrationWithDeployments } from './registration.service';
import type { ToolUrls } from './tool-urls.value';

class ToolEndpointsView {
  @ApiProperty() loginUrl: string;
  @ApiProperty() launchUrl: string;
  @ApiProperty() redirectUri: string;
  @ApiProperty() jwksUrl: string;
  @ApiProperty() deepLinkingUrl: string;
  @ApiProperty() dynamicRegistrationUrl: string;
  @ApiProperty() canvasConfigurationUrl: string;
}

/** A registration as the API shows it, with the tool URLs to paste into the LMS. */
export class PlatformView {
  @ApiProperty() id: string;
  @ApiProperty() issuer: string;
  @ApiProperty() clientId: string;
  @ApiProperty() name: string;
  @ApiProperty() authLoginUrl: string;
  @ApiProperty() authTokenUrl: string;
  @ApiProperty({ nullable: true, type: String }) authServer: string | null;
  @ApiProperty() jwksUrl: string;
  @ApiProperty({ type: [String] }) deploymentIds: string[];
  @ApiProperty() active: boolean;
  @ApiProperty({ nullable: true, type: String }) productFamilyCode: string | null;
  @ApiProperty({ type: [String] }) lmsOrigins: string[];
  @ApiProperty({ enum: ['manual', 'dynamic'] }) source: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) activatedAt: string | null;
  @ApiProperty({ type: ToolEndpointsView }) tool: ToolEndpointsView;

  static of({ registration: r, deployments }: RegistrationWithDeployments, urls: ToolUrls): PlatformView {
    return {
      id: r.id, issuer: r.issuer, clientId: r.clientId, name: r.name, authLoginUrl: r.authLoginUrl,
      authTokenUrl: r.authTokenUrl, authServer: r.authServer, jwksUrl: r.authKey,
      deploymentIds: deployments.map((d) => d.deploymentId), active: r.active, productFamilyCode: r.productFamilyCode,
      lmsOrigins: r.lmsOrigins ?? [], source: r.source, createdAt: r.createdAt.toISOString(),
      activatedAt: r.activatedAt ? r.activatedAt.toISOString() : null,
      tool: {
        loginUrl: urls.login, launchUrl: urls.launch, redirectUri: urls.launch, jwksUrl: urls.keys,
        deepLinkingUrl: urls.launch, dynamicRegistrationUrl: urls.register, canvasConfigurationUrl: urls.canvasConfiguration,
      },
    };
  }
}
