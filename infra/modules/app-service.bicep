// Linux App Service running the one server process: `node dist/server/main.js`.
param resourceBaseName string
param location string
param sku string
param instanceCount int
param identityId string
param integrationSubnetId string
param botAppId string
param botTenantId string
param allowedTenantIds string
@description('The tab\'s SSO app; its tokens carry the audience api://<this host>/<client id>')
param tabAadAppClientId string
@description('The Teams app id, for deep links from cards to the personal tab')
param teamsAppId string
param botPasswordSecretUri string
param databaseUrlSecretUri string
param appInsightsConnectionString string

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: '${resourceBaseName}-app'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    virtualNetworkSubnetId: integrationSubnetId
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      // Node 22 LTS (maintained until April 2027); Node 20 and its NODE|20-lts stack ended in April 2026.
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node dist/server/main.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      vnetRouteAllEnabled: true
      // Readiness, not liveness: App Service takes an instance whose database, migrations or scheduler
      // fail out of the load balancer (never more than half of them) and replaces it after an hour.
      healthCheckPath: '/api/ready'
      appSettings: [
        // Read by server/config.ts (names must match it exactly).
        { name: 'NODE_ENV', value: 'production' }
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'PORT', value: '8080' }
        { name: 'LOG_LEVEL', value: 'info' }
        { name: 'MicrosoftAppId', value: botAppId }
        { name: 'MicrosoftAppPassword', value: '@Microsoft.KeyVault(SecretUri=${botPasswordSecretUri})' }
        { name: 'MicrosoftAppType', value: 'SingleTenant' }
        { name: 'MicrosoftAppTenantId', value: botTenantId }
        { name: 'ALLOWED_TENANT_IDS', value: allowedTenantIds }
        { name: 'AAD_APP_CLIENT_ID', value: tabAadAppClientId }
        // The site's own host name: the tab's SSO audience api://<TAB_DOMAIN>/<client id>.
        { name: 'TAB_DOMAIN', value: '${resourceBaseName}-app.azurewebsites.net' }
        { name: 'DATABASE_URL', value: '@Microsoft.KeyVault(SecretUri=${databaseUrlSecretUri})' }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        // Read by the App Service platform, not by the app.
        { name: 'WEBSITES_PORT', value: '8080' }
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
      ]
    }
  }
}

output siteId string = site.id
output defaultHostName string = site.properties.defaultHostName
