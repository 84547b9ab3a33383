import type { FakeRequest, FakeResponse } from './http-io.util';
import type { PlatformRegistry } from './platform.registry';

/** The frame name Canvas gives its storage frame (and sends as `lti_storage_target`). */
export const PLATFORM_STORAGE_FRAME = 'post_message_forwarding';
/** IMS minimum per tool; Canvas enforces the same 4096 characters and 500 keys per tool origin. */
const STORAGE_CHAR_LIMIT = 4096;
const STORAGE_KEY_LIMIT = 500;

/**
 * The platform side of LTI Platform Storage (lti-cs-pm / lti-pm-s v0.1), as Canvas serves it: a page on the origin of
 * the OIDC authorization endpoint that the LMS course page embeds as a hidden frame named `post_message_forwarding`.
 * It answers `lti.capabilities`, `lti.put_data` and `lti.get_data` postMessages: only from the origins of registered
 * tools (anything else gets `wrong_origin` and stores nothing), data kept per sending origin (one tool never reads
 * another's), responses sent back to the sender's origin only, Canvas's limits. Every message it handled is in
 * `window.ltiStorageLog` for tests.
 */
export class PlatformStorageFakeHandler {
  constructor(private readonly registry: PlatformRegistry) {}

  handle(req: FakeRequest): FakeResponse {
    if (req.method !== 'GET') return { status: 405, body: 'GET only' };
    const origins = new Set<string>();
    for (const tool of this.registry.allTools()) {
      for (const url of [tool.loginUrl, ...tool.redirectUris]) origins.add(new URL(url).origin);
    }
    const config = JSON.stringify({ origins: [...origins], frame: PLATFORM_STORAGE_FRAME, chars: STORAGE_CHAR_LIMIT, keys: STORAGE_KEY_LIMIT })
      .replace(/</g, '\\u003c');
    const script = `(function(){var cfg=${config},data={},usage={};window.ltiStorageLog=[];
window.addEventListener('message',function(e){var d=e.data;if(!d||typeof d!=='object'||typeof d.subject!=='string'||d.subject.slice(-9)==='.response')return;
function reply(extra){var m={subject:d.subject+'.response',message_id:d.message_id};for(var k in extra)m[k]=extra[k];e.source.postMessage(m,e.origin);}
function fail(code,message){window.ltiStorageLog.push({origin:e.origin,subject:d.subject,key:d.key,error:code});reply({error:{code:code,message:message}});}
if(cfg.origins.indexOf(e.origin)<0)return fail('wrong_origin','origin '+e.origin+' is not a registered tool');
if(!d.message_id)return fail('bad_request',"Missing required 'message_id' field");
var u=usage[e.origin]||(usage[e.origin]={keys:0,chars:0}),id=e.origin+'|'+d.key;
if(d.subject==='lti.capabilities'){window.ltiStorageLog.push({origin:e.origin,subject:d.subject});
return reply({supported_messages:[{subject:'lti.capabilities'},{subject:'lti.put_data',frame:cfg.frame},{subject:'lti.get_data',frame:cfg.frame}]});}
if(d.subject==='lti.put_data'){if(!d.key)return fail('bad_request',"Missing required 'key' field");
var had=Object.prototype.hasOwnProperty.call(data,id),freedKeys=had?1:0,freedChars=had?d.key.length+data[id].length:0;
if(d.value===undefined||d.value===null||d.value===''){if(had){delete data[id];u.keys-=freedKeys;u.chars-=freedChars;}
window.ltiStorageLog.push({origin:e.origin,subject:d.subject,key:d.key});return reply({key:d.key});}
var value=String(d.value);if(u.keys-freedKeys+1>cfg.keys||u.chars-freedChars+d.key.length+value.length>cfg.chars)return fail('storage_exhaustion','Reached the limit for this tool');
data[id]=value;u.keys+=1-freedKeys;u.chars+=d.key.length+value.length-freedChars;window.ltiStorageLog.push({origin:e.origin,subject:d.subject,key:d.key});
return reply({key:d.key,value:value});}
if(d.subject==='lti.get_data'){if(!d.key)return fail('bad_request',"Missing required 'key' field");
var found=Object.prototype.hasOwnProperty.call(data,id)?data[id]:null;window.ltiStorageLog.push({origin:e.origin,subject:d.subject,key:d.key,found:found!==null});
return reply({key:d.key,value:found});}
fail('unsupported_subject','Unsupported subject '+d.subject);});})();`;
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Platform storage</title></head><body><script>${script}</script></body></html>`;
    return { status: 200, body: page, contentType: 'text/html; charset=utf-8' };
  }
}
