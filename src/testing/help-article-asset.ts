import type { WireAsset } from './wire-asset.js';

/**
 * The asset from Cincopa's help article on asset versions, exactly as the article prints it
 * (placeholders included): one version (`ver-1`), an `original` attachment and three renditions.
 */
export const helpArticleAsset: WireAsset = {
  id: 'ASSET_INTERNAL_ID',
  rid: 'ASSET_RID',
  type: 'video',
  modified: 'YYYY-MM-DDTHH:MM:SSZ',
  uploaded: 'YYYY-MM-DDTHH:MM:SSZ',
  storage: 'STORAGE_SIZE',
  claimed: 'CLAIMED_SIZE',
  syncstatus: 'synced',
  filename: 'sample_video_file.mp4',
  caption: 'Sample Caption',
  description: 'Sample description',
  long_description: '',
  filesize: 123456789,
  related_link_text: '',
  related_link_url: 'SAMPLE_URL',
  reference_id: '',
  tags: ',sample,example,',
  attributes: null,
  uploaded_by: 'USER_ID,User Name',
  versions: {
    jpg_1200x900: {
      filesize: '12345',
      name: '1200x900',
      url: 'SAMPLE_IMAGE_URL',
      mime: 'image/jpeg',
    },
    original: {
      name: 'original',
      filesize: 123456789,
      mime: 'video/mp4',
      url: 'SAMPLE_VIDEO_URL',
    },
    mp4_hd: {
      filesize: '987654321',
      name: 'hd',
      url: 'SAMPLE_VIDEO_URL',
      mime: 'video/mp4',
    },
  },
  attached: [
    {
      id: 'ATTACHED_ID',
      rid: 'ATTACHED_RID',
      type: 'ver-1',
      filename: 'sample_trimmed_video.mp4',
      caption: null,
      asset_type: null,
      attached_type: null,
      description: null,
      filesize: null,
      content: {
        type: 'video/mp4',
        url: 'SAMPLE_VIDEO_URL',
        syncstatus: 'synced',
      },
      versions: {
        original: {
          name: 'original',
          filesize: 123456789,
          mime: 'video/mp4',
          url: 'SAMPLE_VIDEO_URL',
        },
      },
    },
    {
      id: 'ATTACHED_ID',
      rid: 'ATTACHED_RID',
      type: 'original',
      filename: 'sample_original_video.mp4',
      caption: null,
      asset_type: null,
      attached_type: null,
      description: null,
      filesize: null,
      content: {
        type: 'video/mp4',
        url: 'SAMPLE_VIDEO_URL',
        syncstatus: 'synced',
      },
      versions: {
        original: {
          name: 'original',
          filesize: 123456789,
          mime: 'video/mp4',
          url: 'SAMPLE_VIDEO_URL',
        },
      },
    },
  ],
  in_folders_list: [
    {
      fid: 'FOLDER_ID',
      did: 'FOLDER_RID',
      name: 'Sample Folder Name',
    },
  ],
  content: {
    syncstatus: 'synced',
    type: 'video/mp4',
    url: 'SAMPLE_VIDEO_URL',
  },
  thumbnail: {
    syncstatus: 'synced',
    type: 'image/jpeg',
    url: 'SAMPLE_IMAGE_URL',
  },
  storyboard: {
    syncstatus: 'synced',
    type: 'image/jpeg',
    url: 'SAMPLE_IMAGE_URL',
  },
  timeline: {},
  exif: {
    height: 'HEIGHT',
    width: 'WIDTH',
    duration: 'HH:MM:SS',
    fps: 'FPS',
    bitrate: 'BITRATE',
  },
};
