/**
 * Operator campaigns: a message template ({@link id.kentongan.campaign.CampaignTemplate}) sent to the members a
 * {@link id.kentongan.campaign.Target} picks, shared out over Redis by every instance ({@link id.kentongan.campaign.Campaigns}),
 * driven through the token-protected admin API ({@link id.kentongan.campaign.AdminApi}).
 */
package id.kentongan.campaign;
