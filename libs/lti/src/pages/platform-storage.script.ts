/** Where LTI Platform Storage lives for one launch: the frame the platform named and the origin it answers from. */
export interface PlatformStorageTarget {
  /** `lti_storage_target`: `_parent`, or the name of a frame in the parent (Canvas: `post_message_forwarding`). */
  target: string;
  /** Origin of the platform's OIDC authorization endpoint: messages go only there, answers count only from there. */
  origin: string;
}

/** Storage keys of one login (the spec recommends keys that contain the value, so parallel launches never collide). */
export const storageKeys = (state: string, nonce: string) => ({ state: `state-${state}`, nonce: `nonce-${nonce}` });

/**
 * Client side of the LTI Client Side postMessage Storage spec (lti-cs-oidc / lti-pm-s v0.1), as a function the page
 * scripts call: `ltiStorage(cfg, [{subject:'lti.put_data', key, value} | {subject:'lti.get_data', key}], done)`.
 * Messages go to the named frame of the parent with the platform's origin as targetOrigin; an answer counts only from
 * that origin, with the subject + '.response', our message_id and the same key; any error, a missing frame or no
 * answer in time gives done(null), else done({key: value}). Trusted code only, no data interpolated.
 */
export const PLATFORM_STORAGE_CLIENT = `function ltiStorage(cfg,messages,done){
var host=window.parent!==window?window.parent:null,target=null;
if(host){if(cfg.target==='_parent'){target=host;}else{try{target=host.frames[cfg.target]||null;}catch(e){target=null;}}}
if(!target){done(null);return;}
var pending={},results={},left=messages.length,over=false,timer;
function finish(r){if(over)return;over=true;window.removeEventListener('message',listen);clearTimeout(timer);done(r);}
function listen(e){var d=e.data;if(e.origin!==cfg.origin||!d||typeof d!=='object'||typeof d.message_id!=='string')return;
var m=pending[d.message_id];if(!m||d.subject!==m.subject+'.response')return;
if(d.error||d.key!==m.key){finish(null);return;}
delete pending[d.message_id];results[m.key]=d.value;left-=1;if(left===0)finish(results);}
window.addEventListener('message',listen);
timer=setTimeout(function(){finish(null);},cfg.timeoutMs||4000);
messages.forEach(function(m){var id=window.crypto&&crypto.randomUUID?crypto.randomUUID():String(Math.random()).slice(2)+Date.now();
pending[id]=m;var msg={subject:m.subject,message_id:id,key:m.key};if(m.value!==undefined)msg.value=m.value;
try{target.postMessage(msg,cfg.origin);}catch(e){finish(null);}});}
`;
