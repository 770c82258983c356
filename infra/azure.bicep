// Azure resources for one environment of the app (m365agents.yml → arm/deploy).
// Outputs are UPPER_SNAKE so the toolkit writes them into env/.env.<env> as they are; the manifest
// and the yml files read them as ${{NAME}}.
//
// No Bicep CLI is available where this repository is developed and tested (no internet), so the
// files are not compiled in CI; tests/app-package/infra-contract.test.ts checks the contract the
// yml files and server/config.ts rely on (parameters, outputs, app setting names) instead.

@minLength(4)
@maxLength(20)
@description('Prefix of every resource name: lower-case letters and digits')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan SKU: B1 for dev; P0v3 or above for production')
param webAppSku string = 'B1'

@minValue(1)
@maxValue(10)
@description('App Service instances. The app keeps no state in the process (everything is in PostgreSQL), so more than one is fine')
param webAppInstanceCount int = 1

@maxLength(42)
param botDisplayName string

@description('Client id of the bot\'s single-tenant Entra app (aadApp/create → BOT_ID)')
param botAadAppClientId string

@secure()
@description('Client secret of the bot\'s Entra app; stored in Key Vault only')
param botAadAppClientSecret string

@description('Tenant of the bot\'s Entra app (BOT_TENANT_ID)')
param botTenantId string

@description('Client id of the tab\'s SSO Entra app (aadApp/create → AAD_APP_CLIENT_ID)')
param tabAadAppClientId string

@description('Teams app id of the package (teamsApp/create → TEAMS_APP_ID): cards deep-link into the personal tab with it')
param teamsAppId string

@description('Comma-separated tenant ids whose activities the app accepts')
param allowedTenantIds string

param postgresAdminLogin string = 'gyoseiadmin'

@secure()
@minLength(12)
param postgresAdminPassword string

param postgresDatabaseName string = 'gyosei'

@description('PostgreSQL compute SKU (Burstable B1ms for dev; General Purpose for production)')
param postgresSkuName string = 'Standard_B1ms'

@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresSkuTier string = 'Burstable'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

module network './modules/network.bicep' = {
  name: 'network'
  params: {
    resourceBaseName: resourceBaseName
    location: location
  }
}

module postgres './modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    resourceBaseName: resourceBaseName
    location: location
    administratorLogin: postgresAdminLogin
    administratorPassword: postgresAdminPassword
    databaseName: postgresDatabaseName
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    delegatedSubnetId: network.outputs.postgresSubnetId
    privateDnsZoneId: network.outputs.postgresPrivateDnsZoneId
  }
}

module keyVault './modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    resourceBaseName: resourceBaseName
    location: location
    readerPrincipalId: identity.properties.principalId
    botAppPassword: botAadAppClientSecret
    postgresAdminPassword: postgresAdminPassword
    databaseUrl: 'postgresql://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.outputs.fqdn}:5432/${postgresDatabaseName}?sslmode=require'
  }
}

module monitoring './modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    resourceBaseName: resourceBaseName
    location: location
  }
}

module appService './modules/app-service.bicep' = {
  name: 'app-service'
  params: {
    resourceBaseName: resourceBaseName
    location: location
    sku: webAppSku
    instanceCount: webAppInstanceCount
    identityId: identity.id
    integrationSubnetId: network.outputs.appSubnetId
    botAppId: botAadAppClientId
    botTenantId: botTenantId
    allowedTenantIds: allowedTenantIds
    tabAadAppClientId: tabAadAppClientId
    teamsAppId: teamsAppId
    botPasswordSecretUri: keyVault.outputs.botPasswordSecretUri
    databaseUrlSecretUri: keyVault.outputs.databaseUrlSecretUri
    appInsightsConnectionString: monitoring.outputs.connectionString
  }
}

module botRegistration './modules/bot-registration.bicep' = {
  name: 'bot-registration'
  params: {
    resourceBaseName: resourceBaseName
    botDisplayName: botDisplayName
    botAppId: botAadAppClientId
    botTenantId: botTenantId
    messagingEndpoint: 'https://${appService.outputs.defaultHostName}/api/messages'
  }
}

output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = appService.outputs.siteId
output BOT_DOMAIN string = appService.outputs.defaultHostName
output BOT_ENDPOINT string = 'https://${appService.outputs.defaultHostName}'
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_POSTGRES_SERVER_FQDN string = postgres.outputs.fqdn
output APPLICATIONINSIGHTS_RESOURCE_ID string = monitoring.outputs.appInsightsId
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
